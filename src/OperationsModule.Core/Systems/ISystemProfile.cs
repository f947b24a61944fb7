using System;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Models;
using OperationsModule.Core.Secrets;

namespace OperationsModule.Core.Systems
{
    /// <summary>What differs between systems when connecting: how a credential or token becomes request auth.</summary>
    internal interface ISystemProfile
    {
        OperationsSystem System { get; }

        /// <summary>The usual base address, for messages (e.g. https://server:9340/).</summary>
        string ExampleBaseUri { get; }

        /// <summary>
        /// Builds the authenticator. <paramref name="persistent"/> is true for Connect-OperationsServer sessions,
        /// where a token from a login is worth obtaining once and reusing.
        /// </summary>
        IAuthenticator CreateAuthenticator(Uri baseUri, SecretCredential? credential, SecretText? token, bool persistent);
    }
}
