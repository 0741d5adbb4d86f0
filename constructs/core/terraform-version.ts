/**
 * The Terraform every stack needs, declared in its `terraform` block (`required_version`), so Terraform refuses
 * an older version where it runs (a CI runner, a Terraform Cloud workspace, a laptop) with its own "Unsupported
 * Terraform Core version" error, before it reads any state:
 * - 1.10: the S3 backend's native locking (`use_lockfile`), which every S3-backed stack uses;
 * - 1.7: `removed` blocks (a stack forgets what moved elsewhere, never destroys it) and `import` with `for_each`;
 * - 1.5: `import` blocks (adopting what an organization already runs).
 * Synthesis itself needs no Terraform (lib/cdktf.ts).
 * @see https://developer.hashicorp.com/terraform/language/terraform#terraform-required_version
 * @see https://developer.hashicorp.com/terraform/language/backend/s3#state-locking
 */
export const REQUIRED_TERRAFORM_VERSION = '>= 1.10';
