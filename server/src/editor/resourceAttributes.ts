/**
 * The attributes `Fn::GetAtt` reads, for the resource types an ECS template refers to most, and only those the
 * CloudFormation resource schemas document as top-level `readOnlyProperties` (as cfn-lint ships them in
 * `src/cfnlint/data/schemas/providers/us_east_1/aws-<service>-<type>.json`), in the schemas' order. Other types
 * get no attribute proposals: an attribute we cannot cite is not offered. `AWS::ECS::CapacityProvider`
 * documents none.
 */
export const GET_ATT_ATTRIBUTES: ReadonlyMap<string, readonly string[]> = new Map([
  ['AWS::ECS::TaskDefinition', ['TaskDefinitionArn']],
  ['AWS::ECS::Service', ['ServiceArn', 'Name']],
  ['AWS::ECS::Cluster', ['Arn']],
  ['AWS::ECS::TaskSet', ['Id']],
  ['AWS::IAM::Role', ['Arn', 'RoleId']],
  ['AWS::Logs::LogGroup', ['Arn']],
  ['AWS::ECR::Repository', ['Arn', 'RepositoryUri']],
  ['AWS::EC2::SecurityGroup', ['Id', 'GroupId']],
  ['AWS::ElasticLoadBalancingV2::TargetGroup', ['LoadBalancerArns', 'TargetGroupArn', 'TargetGroupName', 'TargetGroupFullName']],
  ['AWS::EFS::FileSystem', ['Arn', 'FileSystemId']],
  ['AWS::EFS::AccessPoint', ['AccessPointId', 'Arn']],
  ['AWS::SecretsManager::Secret', ['Id']],
]);
