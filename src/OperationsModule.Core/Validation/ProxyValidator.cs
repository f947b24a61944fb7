using System;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Secrets;

namespace OperationsModule.Core.Validation
{
    /// <summary>
    /// -Proxy, -ProxyCredential and -ProxyUseDefaultCredentials as Invoke-RestMethod takes them: an absolute http:// or
    /// https:// address, the credential given separately. User information inside the address is refused (never taken
    /// as the credential), so no session or output object can carry a proxy password in its address.
    /// </summary>
    internal static class ProxyValidator
    {
        public static void Validate(Uri? proxy, SecretCredential? credential, bool useDefaultCredentials)
        {
            if (proxy is null)
            {
                if (credential is not null) throw new InputValidationException("ProxyCredential", "a proxy credential needs -Proxy (the proxy's address).");
                if (useDefaultCredentials) throw new InputValidationException("ProxyUseDefaultCredentials", "default proxy credentials need -Proxy (the proxy's address).");
                return;
            }
            if (credential is not null && useDefaultCredentials)
                throw new InputValidationException("ProxyCredential", "give either -ProxyCredential or -ProxyUseDefaultCredentials, not both.");
            // Checked first and without echoing the value: it may be the proxy password.
            if (proxy.IsAbsoluteUri && !string.IsNullOrEmpty(proxy.UserInfo))
                throw new InputValidationException("Proxy", "the proxy address contains user information; give the address alone and the proxy's user name and password with -ProxyCredential.");
            if (!proxy.IsAbsoluteUri || proxy.IsFile || proxy.IsUnc)
                throw new InputValidationException("Proxy", $"'{BaseUriValidator.Echo(proxy.OriginalString)}' is not an absolute proxy address; use a form like http://proxy.example.com:3128.");
            if (proxy.Scheme != Uri.UriSchemeHttp && proxy.Scheme != Uri.UriSchemeHttps)
                throw new InputValidationException("Proxy", $"the proxy scheme '{proxy.Scheme}' is not supported; use an http:// (or https://) proxy address.");
            if (credential is not null && string.IsNullOrEmpty(credential.UserName))
                throw new InputValidationException("ProxyCredential", "the user name is empty.");
        }
    }
}
