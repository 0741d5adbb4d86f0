import { listenOnLoopback, passTo } from './loopback-server';

/**
 * A loopback front for SSO Admin calls to moto (AWS_ENDPOINT_URL_SSO_ADMIN) that answers ListInstances with no
 * instance until `enable()`, and passes every other call, and ListInstances after `enable()`, to moto unchanged.
 *
 * Why: an organization has no IAM Identity Center instance until someone enables it in the console, once the
 * organization exists; moto's SSO Admin backend starts every account and region with one, and has no call that
 * removes it (__tests__/emulator/gaps.ts, EMULATOR_SCENARIO_ADJUSTMENTS). `enable()` stands for the console step.
 */
export interface SsoAdminFront {
  /** http://127.0.0.1:<port>, the value for AWS_ENDPOINT_URL_SSO_ADMIN. */
  readonly url: string;
  /** ListInstances calls answered with no instance (before `enable()`) and passed to moto (after). */
  readonly listInstances: { readonly hidden: number; readonly passed: number };
  /** The console step: from now on ListInstances shows moto's instance. */
  enable(): void;
  close(): Promise<void>;
}

const LIST_INSTANCES = 'SWBExternalService.ListInstances';

export async function startSsoAdminFront(targetPort: number): Promise<SsoAdminFront> {
  let enabled = false;
  const listInstances = { hidden: 0, passed: 0 };
  const server = await listenOnLoopback((req, res) => {
    if (req.headers['x-amz-target'] === LIST_INSTANCES) {
      if (!enabled) {
        listInstances.hidden++;
        req.resume();
        req.on('end', () => {
          res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
          res.end(JSON.stringify({ Instances: [] }));
        });
        return;
      }
      listInstances.passed++;
    }
    passTo(targetPort, 'SSO Admin front', req, res);
  });
  return {
    ...server,
    listInstances,
    enable: () => {
      enabled = true;
    },
  };
}
