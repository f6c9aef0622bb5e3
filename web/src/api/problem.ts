/** RFC 9457 problem details as the API sends them, with its `code` and field `errors`. */
export interface Problem {
  status: number;
  title?: string | null;
  detail?: string | null;
  code?: string;
  /** Field errors keyed by the camelCase JSON field name. */
  errors?: Record<string, string[]>;
}

export class ApiProblem extends Error implements Problem {
  status: number;
  title?: string | null;
  detail?: string | null;
  code?: string;
  errors?: Record<string, string[]>;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiProblem';
    this.status = problem.status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.code = problem.code;
    this.errors = problem.errors;
  }
}

export async function readProblem(response: Response): Promise<ApiProblem> {
  let body: Partial<Problem> = {};
  try {
    body = (await response.json()) as Partial<Problem>;
  } catch {
    /* no JSON body */
  }
  return new ApiProblem({ ...body, status: response.status });
}

/** Reads whatever openapi-fetch / openapi-react-query threw as a problem; null for non-HTTP errors. */
export function asProblem(error: unknown): Problem | null {
  if (error instanceof ApiProblem) return error;
  if (error && typeof error === 'object' && 'status' in error && typeof (error as Problem).status === 'number') {
    return error as Problem;
  }
  return null;
}

export function problemStatus(error: unknown): number | undefined {
  return asProblem(error)?.status;
}
