declare module 'proxy-from-env' {
  /** The proxy URL for `url` from HTTP(S)_PROXY / ALL_PROXY, or '' when NO_PROXY excludes it. */
  export function getProxyForUrl(url: string | URL): string
}
