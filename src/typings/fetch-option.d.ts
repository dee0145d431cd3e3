  /** The `fetch` to use (default: the runtime's global `fetch`), e.g. a service binding's or a test fake's. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
