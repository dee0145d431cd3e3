import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/**
 * Runs `load(signal)` when `deps` change; aborts the previous run. Returns
 * { status: 'loading' | 'ok' | 'error', data, error, reload }.
 */
export function useAsync(load, deps) {
  const [state, setState] = useState({ status: 'loading', data: undefined, error: null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ status: 'loading', data: s.data, error: null }));
    Promise.resolve()
      .then(() => load(controller.signal))
      .then(
        (data) => !controller.signal.aborted && setState({ status: 'ok', data, error: null }),
        (error) => !controller.signal.aborted && setState({ status: 'error', data: undefined, error }),
      );
    return () => controller.abort();
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

/** True while the component is mounted (for results that arrive after it left). */
export function useMounted() {
  const mounted = useRef(true);
  useEffect(() => () => {
    mounted.current = false;
  }, []);
  return mounted;
}
