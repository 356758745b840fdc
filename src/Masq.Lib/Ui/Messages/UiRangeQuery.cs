namespace Masq.Lib.Ui.Messages;

public sealed record UiRangeQuery<T>(ulong MinAgeS, ulong MaxAgeS, T MinAmountGwei, T MaxAmountGwei)
    where T : struct;
