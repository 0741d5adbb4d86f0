import { s3ControlExtras } from '../../discovery/s3-public-access-block';

describe('S3 Control behind a custom endpoint', () => {
  it('sends to the custom endpoint as it is (no account-id host prefix an IP address cannot take)', async () => {
    const extras = s3ControlExtras({ AWS_ENDPOINT_URL: 'http://127.0.0.1:5000' }) as { endpointProvider: () => { url: URL } };
    expect(extras.endpointProvider().url.href).toBe('http://127.0.0.1:5000/');
  });

  it('leaves AWS\'s endpoint rules alone without one', () => {
    expect(s3ControlExtras({})).toEqual({});
  });
});
