using Masq.Lib.Neighborhood;
using Masq.Node.Crypto;

namespace Masq.Node.Crypto;

/// <summary>Who this Node is for this run: its main CryptDE and its descriptor.</summary>
/// <param name="PublicDescriptor">The descriptor other Nodes can use; null outside standard mode or until the IP is known.</param>
/// <param name="LoggedDescriptor">What the Node logs at start (with an empty address when it has none).</param>
internal sealed record NodeIdentity(ICryptDE Main, ICryptDE Alias, NodeDescriptor? PublicDescriptor, NodeDescriptor LoggedDescriptor);
