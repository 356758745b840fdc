using Masq.Node.Protocol;

namespace Masq.Node.Routing;

/// <summary>The consuming wallet that pays for routes, when the Node has one (needed outside zero-hop mode).</summary>
internal interface IPayerSource
{
    /// <summary>The signer for payer proofs, or null when no consuming wallet is known.</summary>
    PayerSigner? Signer { get; }
}
