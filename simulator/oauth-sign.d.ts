// oauth-sign 0.9.0 ships no types. Only what the simulator and its tests use is declared.
declare module 'oauth-sign' {
  /** Repeated parameters are given as arrays. */
  export type OAuthSignParams = Record<string, string | string[]>
  export function generateBase(httpMethod: string, baseUri: string, params: OAuthSignParams): string
  export function rsasign(
    httpMethod: string,
    baseUri: string,
    params: OAuthSignParams,
    privateKey: string,
    tokenSecret?: string,
  ): string
  export function hmacsign(
    httpMethod: string,
    baseUri: string,
    params: OAuthSignParams,
    consumerSecret: string,
    tokenSecret?: string,
  ): string
  export function rfc3986(str: string): string
  const oauthSign: {
    generateBase: typeof generateBase
    rsasign: typeof rsasign
    hmacsign: typeof hmacsign
    rfc3986: typeof rfc3986
  }
  export default oauthSign
}
