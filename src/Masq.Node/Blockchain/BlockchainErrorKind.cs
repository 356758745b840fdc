namespace Masq.Node.Blockchain;

/// <summary>Why a call to the blockchain service failed.</summary>
internal enum BlockchainErrorKind
{
    /// <summary>No <c>blockchain-service-url</c> is configured.</summary>
    Uninitialized,

    /// <summary>The service could not be reached, or did not answer in time.</summary>
    Unreachable,

    /// <summary>The service refused the call for now (HTTP 429 or a rate-limit error).</summary>
    RateLimited,

    /// <summary>The service answered with an error (including a reverted or refused transaction).</summary>
    QueryFailed,

    /// <summary>The answer was not the JSON-RPC the call expects.</summary>
    InvalidResponse,
}
