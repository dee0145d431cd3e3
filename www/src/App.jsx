import { Component } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { getClients } from './clients.js';
import { ClerkUser } from './ClerkUser.jsx';
import { KindeUser } from './KindeUser.jsx';
import { dismissProblem, onProblems } from './problems.js';
import { currentToken, forgetToken, saveToken } from './session.js';
import { Jobs } from './Jobs.jsx';
import { ErrorBox, Notice } from './ui.jsx';
import { UserList } from './UserList.jsx';

/** '#/clerk/users/user_1' → { provider: 'clerk', userId: 'user_1' }; '#/jobs' → { page: 'jobs' } */
export function parseRoute(hash) {
  if (/^#\/jobs\/?$/.test(hash)) return { page: 'jobs', provider: null, userId: null, unknown: false };
  const m = /^#\/(kinde|clerk)(?:\/users\/([^/]+))?\/?$/.exec(hash);
  if (!m) return { page: 'users', provider: 'kinde', userId: null, unknown: !['', '#', '#/'].includes(hash) };
  let userId = null;
  if (m[2]) {
    try {
      userId = decodeURIComponent(m[2]);
    } catch {
      userId = m[2];
    }
  }
  return { page: 'users', provider: m[1], userId, unknown: false };
}

function useHashRoute() {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return parseRoute(hash);
}

const navigate = (hash) => {
  if (location.hash !== hash) location.hash = hash;
};

/** Keeps a render error inside the part of the page it happened in. */
export class Boundary extends Component {
  constructor(props) {
    super(props);
    this.state = { error: null };
  }
  static getDerivedStateFromError(error) {
    return { error };
  }
  componentDidCatch(error) {
    console.error('console: render error', error);
  }
  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div class="boundary">
        <ErrorBox error={this.state.error} />
        <p>
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>{' '}
          <a href="#/kinde" onClick={() => this.setState({ error: null })}>
            Back to the users
          </a>
        </p>
      </div>
    );
  }
}

function SignIn({ onToken }) {
  const [value, setValue] = useState('');
  return (
    <main class="signin">
      <h1>idp-users console</h1>
      <p>
        This console needs the admin token of its Worker. Open the URL that <code>npm start</code> printed (it ends with <code>#token=…</code>), or paste the
        token here.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) onToken(value.trim());
        }}
      >
        <label class="field">
          <span class="field-label">Admin token</span>
          <input type="password" value={value} onInput={(e) => setValue(e.currentTarget.value)} autocomplete="off" autofocus />
        </label>
        <button type="submit" class="primary">
          Continue
        </button>
      </form>
    </main>
  );
}

export function App() {
  const [token, setToken] = useState(currentToken);
  const route = useHashRoute();
  const [notice, setNotice] = useState(null);
  const [problems, setProblems] = useState([]);
  useEffect(() => onProblems(setProblems), []);
  // A result message stays until dismissed or until the person moves on
  // (one set just before a navigation, like "Created …", survives it).
  const routeKey = route.page === 'jobs' ? 'jobs' : `${route.provider}/${route.userId ?? ''}`;
  useEffect(() => {
    setNotice((n) => (n && Date.now() - n.at > 1500 ? null : n));
  }, [routeKey]);

  if (!token) {
    return (
      <SignIn
        onToken={(t) => {
          saveToken(t);
          setToken(t);
        }}
      />
    );
  }
  const { page, provider, userId } = route;
  const api = provider ? getClients()[provider] : null;
  const common = { api, navigate, notify: (text) => setNotice({ text, at: Date.now() }) };
  return (
    <>
      <header class="top">
        <h1>
          <a href="#/kinde">idp-users console</a>
        </h1>
        <div class="nav">
          <div class="switch" role="group" aria-label="Identity provider">
            {['kinde', 'clerk'].map((p) => (
              <button key={p} type="button" aria-pressed={provider === p ? 'true' : 'false'} onClick={() => navigate(`#/${p}`)}>
                {p === 'kinde' ? 'Kinde' : 'Clerk'}
              </button>
            ))}
          </div>
          <nav class="switch" aria-label="Console pages">
            <a href="#/jobs" aria-current={page === 'jobs' ? 'page' : undefined}>
              Jobs
            </a>
          </nav>
        </div>
        <p class="whoami">
          Times in UTC · through <code>{location.host}/admin-api</code>{' '}
          <button
            type="button"
            class="link"
            onClick={() => {
              forgetToken();
              setToken(null);
            }}
          >
            Forget token
          </button>
        </p>
      </header>
      <main>
        {problems.map((p) => (
          <ErrorBox key={p.id} error={p.error} onDismiss={() => dismissProblem(p.id)} />
        ))}
        {route.unknown && <p class="note">That address is not a page of the console: here are the Kinde users.</p>}
        <Notice text={notice?.text} onDismiss={() => setNotice(null)} />
        <Boundary key={routeKey}>
          {page === 'jobs' && <Jobs notify={common.notify} />}
          {page === 'users' && userId === null && <UserList key={provider} provider={provider} {...common} />}
          {userId !== null && provider === 'kinde' && <KindeUser id={userId} {...common} />}
          {userId !== null && provider === 'clerk' && <ClerkUser id={userId} {...common} />}
        </Boundary>
      </main>
    </>
  );
}
