import { ArmError, type ArmErrorDetail } from "../errors.js";

/**
 * The errors of `POST …/deployments/{name}/validate`, worded as Azure Resource Manager words them. Template
 * language problems are InvalidTemplate ("Deployment template validation failed: '…'."); problems a resource
 * provider finds in the resources are InvalidTemplateDeployment with the provider's errors as details.
 */

const templateFailed = (inner: string) =>
  new ArmError(400, "InvalidTemplate", `Deployment template validation failed: '${inner}'.`);

export const DeploymentErrors = {
  invalidTemplateDeployment: (deploymentName: string, trackingId: string, details: ArmErrorDetail[]) =>
    new ArmError(
      400,
      "InvalidTemplateDeployment",
      `The template deployment '${deploymentName}' is not valid according to the validation procedure. The tracking id is '${trackingId}'. See inner errors for details.`,
      undefined,
      details,
    ),

  missingTemplate: () =>
    new ArmError(
      400,
      "InvalidRequestContent",
      "The request content was invalid and could not be deserialized: 'Required property 'template' not found in JSON. Path 'properties'.'.",
    ),

  missingMode: () =>
    new ArmError(
      400,
      "InvalidRequestContent",
      "The request content was invalid and could not be deserialized: 'Required property 'mode' not found in JSON. Path 'properties'.'.",
    ),

  invalidMode: (mode: string) =>
    new ArmError(
      400,
      "InvalidRequestContent",
      `The request content was invalid and could not be deserialized: 'Error converting value "${mode}" to type 'DeploymentMode'. Path 'properties.mode'.'.`,
    ),

  missingParameterValue: (name: string) =>
    templateFailed(
      `The value for the template parameter '${name}' is not provided. Please see https://aka.ms/arm-create-parameter-file for usage details.`,
    ),

  unknownParameter: (name: string) =>
    templateFailed(
      `The template parameter '${name}' is not found. Please see https://aka.ms/arm-syntax-parameters for usage details.`,
    ),

  unknownVariable: (name: string) =>
    templateFailed(
      `The template variable '${name}' is not found. Please see https://aka.ms/arm-syntax-variables for usage details.`,
    ),

  circularVariable: (name: string) =>
    templateFailed(
      `The template variable '${name}' is referenced in a circular manner. Please see https://aka.ms/arm-syntax-variables for usage details.`,
    ),

  unsupportedFunction: (name: string) =>
    templateFailed(
      `The template function '${name}' is not valid. Please see https://aka.ms/arm-functions for usage details.`,
    ),

  invalidFunctionArguments: (name: string) =>
    templateFailed(
      `Unable to evaluate template language function '${name}': the arguments are not valid. Please see https://aka.ms/arm-functions for usage details.`,
    ),

  invalidExpression: (expression: string, unexpected: string) =>
    templateFailed(
      `The language expression '${expression}' is not valid: unexpected ${unexpected}. Please see https://aka.ms/arm-functions for usage details.`,
    ),

  missingProperty: (expression: string, property: string) =>
    templateFailed(`The language expression property '${property}' doesn't exist in '${expression}'.`),

  resourceMissing: (index: number, property: "type" | "name" | "apiVersion" | "location") =>
    templateFailed(
      `The template resource at index '${index}' is not valid: the '${property}' property is missing or is not a string.`,
    ),

  deploymentActive: (deploymentName: string) =>
    new ArmError(
      409,
      "DeploymentActive",
      `Unable to edit or replace deployment '${deploymentName}': previous deployment from '${deploymentName}' is still active (please see https://aka.ms/arm-deploy for usage details).`,
    ),

  deploymentNotFound: (deploymentName: string) =>
    new ArmError(404, "DeploymentNotFound", `Deployment '${deploymentName}' could not be found.`),

  unsupportedTemplateLink: () =>
    new ArmError(
      400,
      "InvalidTemplate",
      "Deployment template validation failed: 'templateLink is not supported by this emulator; send the template inline in properties.template.'.",
    ),
};
