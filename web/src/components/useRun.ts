import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asProblem, type Problem } from '../api/problem';

/**
 * Runs one API action: a busy flag while it runs, the server's problem `detail` (and its field errors) as a message
 * when it fails, and the listed queries refreshed when it succeeds. Resolves to whether it succeeded.
 */
export function useRun() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const run = async (
    action: () => Promise<{ error?: unknown }>,
    { success, invalidate = [], onProblem }: { success?: string; invalidate?: string[]; onProblem?: (p: Problem) => boolean } = {},
  ): Promise<boolean> => {
    setBusy(true);
    try {
      const { error } = await action();
      if (error) {
        const problem = asProblem(error);
        if (problem && onProblem?.(problem)) return false;
        const fields = problem?.errors ? Object.values(problem.errors).flat() : [];
        void message.error([problem?.detail ?? t('common.networkError'), ...fields].join(' '));
        return false;
      }
      if (success) void message.success(success);
      await Promise.all(invalidate.map((path) => queryClient.invalidateQueries({ queryKey: ['get', path] })));
      return true;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy };
}
