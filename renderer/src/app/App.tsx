import { useEffect } from 'react';
import { Spinner } from '../components/Spinner';
import { LoginScreen } from '../features/login/LoginScreen';
import { sessionSelectors, useConsoleStore } from '../store';
import { Shell } from './Shell';

export function App() {
  const status = useConsoleStore(sessionSelectors.status);
  const bootstrap = useConsoleStore((s) => s.bootstrap);

  useEffect(() => {
    void bootstrap();
  }, [bootstrap]);

  if (status === 'checking') {
    return (
      <div className="app-splash">
        <Spinner size={28} label="Starting the console" />
      </div>
    );
  }
  return status === 'signedIn' ? <Shell /> : <LoginScreen />;
}
