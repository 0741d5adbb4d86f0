/**
 * The one place that imports the CDKTF core library.
 *
 * cdktf 0.21.0 is the final HashiCorp release; the community fork (CDK Terrain, `cdktn`)
 * is a near drop-in. Everything else in the project imports these names from here, so
 * switching is a change to this file (and the `@cdktf/provider-aws` deep-import prefix).
 */
export {
  Annotations,
  App,
  Aspects,
  CloudBackend,
  Fn,
  LocalBackend,
  NamedCloudWorkspace,
  S3Backend,
  TerraformElement,
  TerraformOutput,
  TerraformStack,
  Testing,
  Token,
} from 'cdktf';
export type { IAspect, TerraformResource, TerraformProvider, AppConfig } from 'cdktf';
export type { ITerraformDependable } from 'cdktf';
