import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../features/auth/session';

/** Sends a visitor without a session to /login, remembering where they wanted to go (deep links). */
export function RequireAuth() {
  const { signedIn } = useSession();
  const location = useLocation();
  if (!signedIn) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}
