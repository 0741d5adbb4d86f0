/**
 * Service names an AI services opt-out policy accepts under "services" (besides "default").
 * Hand-kept: no maintained package lists them. Source, checked 2026-11:
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_ai-opt-out_syntax.html
 * (and the "List of supported AI services" on orgs_manage_policies_ai-opt-out_all.html).
 * When AWS adds a service, add its name here.
 */
export const AI_OPT_OUT_SERVICES = [
  'aidevops',
  'aiops',
  'awssupplychain',
  'chimesdkvoiceanalytics',
  'cloudwatch',
  'codeguruprofiler',
  'codewhisperer',
  'comprehend',
  'connectamd',
  'connectoptimization',
  'contactlens',
  'datazone',
  'frauddetector',
  'guardduty',
  'lex',
  'polly',
  'q',
  'quicksightq',
  'rekognition',
  'securitylake',
  'supplychain',
  'textract',
  'transcribe',
  'translate',
] as const;
