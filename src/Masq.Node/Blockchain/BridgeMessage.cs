namespace Masq.Node.Blockchain;

/// <summary>What the BlockchainBridge's mailbox carries.</summary>
internal abstract record BridgeMessage;
