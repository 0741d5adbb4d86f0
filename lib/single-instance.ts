import { Fn, ref, TerraformDataSource, TerraformStack, Token, type TerraformResource } from './cdktf';

/**
 * An attribute of a resource or data source whose `count` is 0 or 1, as `one(<address>.*.<attribute>)`: the value of
 * its one instance, null when it has none. Terraform refuses the plain `<address>.<attribute>` of a counted element;
 * the attribute-only splat keeps the `<type>.<name>.` prefix that `lz check` matches references by.
 * @see https://developer.hashicorp.com/terraform/language/functions/one
 */
export function attributeOfSingleInstance(element: TerraformResource | TerraformDataSource, attribute: string): string {
  const prefix = TerraformDataSource.isTerraformDataSource(element) ? 'data.' : '';
  const address = `${prefix}${element.terraformResourceType}.${element.friendlyUniqueId}`;
  return Token.asString(Fn.one(ref(`${address}.*.${attribute}`, TerraformStack.of(element))));
}
