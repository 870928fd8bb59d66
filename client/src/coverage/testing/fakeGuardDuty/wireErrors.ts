import { WireError } from './httpWire';

// Messages follow the wording of the real service where it is known (boto/boto3#3890, moto).

export function invalidParameter(parameter: string): WireError {
  return {
    status: 400,
    errorType: 'BadRequestException',
    bodyType: 'InvalidInputException',
    message: `The request is rejected because the parameter ${parameter} has an invalid value.`,
  };
}

export function missingParameter(parameter: string): WireError {
  return {
    status: 400,
    errorType: 'BadRequestException',
    bodyType: 'InvalidInputException',
    message: `The request is rejected because the required parameter ${parameter} is missing.`,
  };
}

export function unknownDetector(): WireError {
  return {
    status: 400,
    errorType: 'BadRequestException',
    bodyType: 'InvalidInputException',
    message: 'The request is rejected because the input detectorId is not owned by the current account.',
  };
}

export function malformedJsonBody(): WireError {
  return { status: 400, errorType: 'BadRequestException', bodyType: 'InvalidInputException', message: 'The request is rejected because the request body is not valid JSON.' };
}

export function missingAuthenticationToken(): WireError {
  return { status: 403, errorType: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' };
}

export function unknownOperation(method: string, path: string): WireError {
  return { status: 404, errorType: 'UnknownOperationException', message: `No operation matches ${method} ${path}` };
}
