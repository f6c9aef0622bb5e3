import type { FormInstance } from 'antd';
import type { Problem } from '../../api/problem';

/**
 * Shows a 400's field errors on the form's fields (`errors` keyed by the camelCase field name; `eventTypes[0]` goes
 * to `eventTypes`). Resolves whether every error found a field, so useRun shows the rest as a message.
 */
export function applyFieldErrors(form: FormInstance, problem: Problem, names: string[]): boolean {
  if (!problem.errors) return false;
  const known = new Set(names);
  const fields: { name: string; errors: string[] }[] = [];
  let all = true;
  for (const [key, messages] of Object.entries(problem.errors)) {
    const name = key.replace(/\[.*$/, '').replace(/\..*$/, '');
    const field = name.charAt(0).toLowerCase() + name.slice(1);
    if (!known.has(field)) { all = false; continue; }
    const existing = fields.find((f) => f.name === field);
    if (existing) existing.errors.push(...messages);
    else fields.push({ name: field, errors: [...messages] });
  }
  form.setFields(fields);
  return all && fields.length > 0;
}
