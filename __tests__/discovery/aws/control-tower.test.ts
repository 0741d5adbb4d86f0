import { ControlTowerApi, controlTowerEndpoint } from '../../../discovery/aws/control-tower';

describe('the Control Tower API client', () => {
  let fetchSpy: jest.SpyInstance;
  const calls: Array<{ url: string; headers: Record<string, string>; body: string }> = [];
  beforeEach(() => {
    calls.length = 0;
    process.env.AWS_ACCESS_KEY_ID = 'AKIAMANAGEMENT';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret';
    delete process.env.AWS_ENDPOINT_URL;
    delete process.env.AWS_ENDPOINT_URL_CONTROLTOWER;
  });
  afterEach(() => fetchSpy.mockRestore());

  function answer(...responses: Response[]): void {
    fetchSpy = jest.spyOn(globalThis, 'fetch').mockImplementation(async (url, init) => {
      calls.push({ url: String(url), headers: init?.headers as Record<string, string>, body: String(init?.body) });
      return responses.shift() as Response;
    });
  }

  it('POSTs signed JSON to the regional endpoint and follows nextToken', async () => {
    answer(
      new Response(JSON.stringify({ enabledBaselines: [{ targetIdentifier: 'a' }], nextToken: 't2' }), { status: 200 }),
      new Response(JSON.stringify({ enabledBaselines: [{ targetIdentifier: 'b' }] }), { status: 200 }),
    );
    const baselines = await new ControlTowerApi('eu-west-1').listEnabledBaselines();
    expect(baselines.map((b) => b.targetIdentifier)).toEqual(['a', 'b']);
    expect(calls.map((c) => c.url)).toEqual(['https://controltower.eu-west-1.amazonaws.com/list-enabled-baselines', 'https://controltower.eu-west-1.amazonaws.com/list-enabled-baselines']);
    expect(JSON.parse(calls[1].body)).toEqual({ maxResults: 100, nextToken: 't2' });
    expect(calls[0].headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAMANAGEMENT\/\d{8}\/eu-west-1\/controltower\/aws4_request, SignedHeaders=.*host.*, Signature=[0-9a-f]{64}$/);
  });

  it('fails with the service\'s error type as the name, as the SDK does', async () => {
    answer(new Response(JSON.stringify({ message: 'User is not authorized' }), { status: 403, headers: { 'x-amzn-errortype': 'AccessDeniedException:http://internal.amazon.com/' } }));
    await expect(new ControlTowerApi('us-east-1').listLandingZones()).rejects.toMatchObject({ name: 'AccessDeniedException', message: 'User is not authorized', $metadata: { httpStatusCode: 403 } });
  });

  it('names an answer that is not JSON (an emulator without Control Tower) by its HTTP status', async () => {
    answer(new Response('<!doctype html><title>404 Not Found</title>', { status: 404 }));
    await expect(new ControlTowerApi('us-east-1').listLandingZones()).rejects.toMatchObject({ name: 'HTTP404' });
  });

  it('honours AWS_ENDPOINT_URL_CONTROLTOWER, then AWS_ENDPOINT_URL', () => {
    expect(controlTowerEndpoint('us-east-1', { AWS_ENDPOINT_URL: 'http://127.0.0.1:5000' }).href).toBe('http://127.0.0.1:5000/');
    expect(controlTowerEndpoint('us-east-1', { AWS_ENDPOINT_URL: 'http://127.0.0.1:5000', AWS_ENDPOINT_URL_CONTROLTOWER: 'http://127.0.0.1:6000' }).href).toBe('http://127.0.0.1:6000/');
    expect(controlTowerEndpoint('ap-northeast-1', {}).href).toBe('https://controltower.ap-northeast-1.amazonaws.com/');
  });
});
