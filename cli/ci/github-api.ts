import { UserError } from '../../lib/user-error';

/** GitHub's REST API on github.com; GitHub Enterprise Server serves it at `https://<host>/api/v3`. */
export const GITHUB_API_URL = 'https://api.github.com';

/** The REST API version the requests are written for. */
const API_VERSION = '2022-11-28';

/** A response: the status and the parsed JSON body (undefined when there is none). */
export interface GitHubResponse {
  readonly status: number;
  readonly body: unknown;
}

/**
 * The few REST calls `lz ci github` makes, with Node's global fetch: a token in the Authorization header, the
 * API version header, JSON in and out. A failed call becomes a UserError naming the call, GitHub's message and
 * what the token needs; `allow` lists statuses the caller handles itself (404 of a missing environment).
 * @see https://docs.github.com/en/rest/using-the-rest-api/getting-started-with-the-rest-api
 */
export class GitHubApi {
  private readonly baseUrl: string;

  constructor(
    private readonly token: string,
    apiUrl: string = GITHUB_API_URL,
  ) {
    if (!/^https?:\/\/[^/\s]+/.test(apiUrl)) throw new UserError(`--api-url ${JSON.stringify(apiUrl)} is not an http(s) URL; e.g. ${GITHUB_API_URL} or https://github.example.com/api/v3`);
    this.baseUrl = apiUrl.replace(/\/+$/, '');
  }

  async request(method: 'GET' | 'PUT' | 'POST' | 'DELETE', path: string, body?: unknown, allow: readonly number[] = []): Promise<GitHubResponse> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          Accept: 'application/vnd.github+json',
          Authorization: `Bearer ${this.token}`,
          'X-GitHub-Api-Version': API_VERSION,
          'User-Agent': 'cdktf-landing-zone-lz',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new UserError(`GitHub API ${method} ${path}: cannot reach ${this.baseUrl} (${(e as Error).cause ?? (e as Error).message}). Check --api-url and the network.`);
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    if (response.ok || allow.includes(response.status)) return { status: response.status, body: parsed };
    const message = typeof parsed === 'object' && parsed && 'message' in parsed ? String((parsed as { message: unknown }).message) : text.slice(0, 200);
    throw new UserError(`GitHub API ${method} ${path}: ${response.status} ${message}. ${hintFor(response.status)}`);
  }
}

/** What to do about a failed call. */
function hintFor(status: number): string {
  if (status === 401) return 'The token in GITHUB_TOKEN or GH_TOKEN is not valid; create a new one.';
  if (status === 403 || status === 404) {
    return 'The token must be a repository administrator\'s (classic: repo scope, and read:org for team reviewers; fine-grained: Administration and Actions read and write on the repository, Members read on the organization for team reviewers), and the repository must exist under that name.';
  }
  if (status === 422) return 'GitHub refused the settings (environments with reviewers and branch policies on a private repository need a paid plan).';
  return 'Try again; if it persists, see https://www.githubstatus.com.';
}

/** The token for the API: GITHUB_TOKEN, else GH_TOKEN (the variable the GitHub CLI reads). */
export function githubToken(env: NodeJS.ProcessEnv): string {
  const token = env.GITHUB_TOKEN || env.GH_TOKEN;
  if (!token) {
    throw new UserError(
      'No GitHub token: set GITHUB_TOKEN (or GH_TOKEN) to a token of a repository administrator, e.g. GITHUB_TOKEN=$(gh auth token) lz ci github configure',
    );
  }
  return token;
}
