/** A Fargate task in the register-task-definition input shape, with the task-level sizes given. */
export function fargateTask(sizes: string, containers = '{ "name": "app", "image": "nginx" }'): string {
  return `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
${sizes}  "executionRoleArn": "arn:aws:iam::111122223333:role/ecsTaskExecutionRole",
  "containerDefinitions": [
    ${containers}
  ]
}`;
}
