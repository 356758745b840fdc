namespace Masq.Node.Tests.Protocol;

internal readonly record struct FuzzOutcome(int Accepted, int Rejected);
