namespace Masq.Node.Accounting;

/// <summary>What the Accountant's mailbox carries.</summary>
internal abstract record AccountantMessage;
