namespace Masq.Node.Accounting;

/// <summary>What one service event costs: service rate + byte rate × payload size, in exact wei.</summary>
internal static class ServiceCharge
{
    public static Int128 Of(ulong serviceRateWei, ulong byteRateWei, long payloadSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payloadSize);
        return checked((Int128)serviceRateWei + ((Int128)byteRateWei * payloadSize));
    }
}
