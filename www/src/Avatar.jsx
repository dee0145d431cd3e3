import { useState } from 'preact/hooks';

/** The profile picture when it loads, else the initials. */
export function Avatar({ url, name }) {
  const [failed, setFailed] = useState(false);
  const initials = (name || '?')
    .split(/\s+/)
    .map((w) => w[0])
    .filter(Boolean)
    .slice(0, 2)
    .join('')
    .toUpperCase();
  if (url && /^(?:https?|blob):/.test(url) && !failed) {
    return <img class="avatar" src={url} alt="" referrerpolicy="no-referrer" onError={() => setFailed(true)} />;
  }
  return (
    <span class="avatar initials" aria-hidden="true">
      {initials}
    </span>
  );
}
