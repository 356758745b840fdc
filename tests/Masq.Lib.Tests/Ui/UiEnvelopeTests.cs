using Masq.Lib.Configuration;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;

namespace Masq.Lib.Tests.Ui;

public sealed class UiEnvelopeTests
{
    [Fact]
    public void Conversational_message_has_opcode_context_and_payload()
    {
        var json = UiEnvelope.From(new UiCheckPasswordRequest("pw"), 7).ToJson();
        Assert.Equal("""{"opcode":"checkPassword","contextId":7,"payload":{"dbPasswordOpt":"pw"}}""", json);
    }

    [Fact]
    public void Broadcasts_omit_the_context_id_and_enums_are_bare_names()
    {
        var json = UiEnvelope.From(new UiConnectionChangeBroadcast(UiConnectionStage.RouteFound)).ToJson();
        Assert.Equal("""{"opcode":"connectionChange","payload":{"stage":"RouteFound"}}""", json);
    }

    [Fact]
    public void Errors_replace_the_payload()
    {
        var request = UiEnvelope.From(new UiFinancialsRequest(true), 1234);
        var json = request.ErrorReply(UiErrorCodes.NodeNotRunning, "Cannot handle financials request: Node is not running").ToJson();
        Assert.Equal("""{"opcode":"financials","contextId":1234,"error":{"code":9223372036854775810,"message":"Cannot handle financials request: Node is not running"}}""", json);
    }

    [Fact]
    public void Setup_errors_are_pairs_and_statuses_are_names()
    {
        var response = new UiSetupResponse(false, [new UiSetupResponseValue("chain", "base-mainnet", SetupStatus.Default)], [new UiSetupError("min-hops", "too many")]);
        var json = UiEnvelope.From(response, 1).ToJson();
        Assert.Contains("""{"name":"chain","value":"base-mainnet","status":"Default"}""", json, StringComparison.Ordinal);
        Assert.Contains("""["min-hops","too many"]""", json, StringComparison.Ordinal);
        Assert.Equal(response.Errors, UiEnvelope.Parse(json).Envelope!.GetPayload<UiSetupResponse>().Errors);
    }

    [Theory]
    [InlineData("""{"opcode":"crashed","payload":{"processId":12,"crashReason":"NoInformation"}}""", CrashReasonKind.NoInformation, null)]
    [InlineData("""{"opcode":"crashed","payload":{"processId":12,"crashReason":{"Unrecognized":"boom"}}}""", CrashReasonKind.Unrecognized, "boom")]
    [InlineData("""{"opcode":"crashed","payload":{"processId":12,"crashReason":{"ChildWaitFailure":"x"}}}""", CrashReasonKind.ChildWaitFailure, "x")]
    public void Crash_reasons_have_the_reference_shapes(string json, CrashReasonKind kind, string? text)
    {
        var crashed = UiEnvelope.Parse(json).Envelope!.GetPayload<UiCrashedBroadcast>();
        Assert.Equal(kind, crashed.CrashReason.Kind);
        Assert.Equal(text, crashed.CrashReason.Text);
        Assert.Equal(json, UiEnvelope.From(crashed).ToJson());
    }

    [Fact]
    public void Traffic_stats_round_trip()
    {
        var stats = new UiTrafficStatsBroadcast(new UiTrafficCounters(1, 2), new UiTrafficCounters(3, 4), new UiTrafficCounters(5, ulong.MaxValue));
        var json = UiEnvelope.From(stats).ToJson();
        Assert.Contains("\"consumed\":{\"bytesIn\":1,\"bytesOut\":2}", json, StringComparison.Ordinal);
        Assert.Equal(stats, UiEnvelope.Parse(json).Envelope!.GetPayload<UiTrafficStatsBroadcast>());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"contextId":1,"payload":{}}""")]
    [InlineData("""{"opcode":5,"payload":{}}""")]
    [InlineData("""{"opcode":"setup","contextId":-1,"payload":{}}""")]
    [InlineData("""{"opcode":"setup","contextId":"1","payload":{}}""")]
    public void Critical_faults_are_reported_as_critical(string text)
    {
        var parse = UiEnvelope.Parse(text);
        Assert.Null(parse.Envelope);
        Assert.True(parse.IsCritical);
    }

    [Theory]
    [InlineData("""{"opcode":"setup","contextId":3}""")]
    [InlineData("""{"opcode":"setup","contextId":3,"payload":[]}""")]
    [InlineData("""{"opcode":"setup","contextId":3,"error":{"code":"x"}}""")]
    public void Non_critical_faults_keep_the_opcode_and_context(string text)
    {
        var parse = UiEnvelope.Parse(text);
        Assert.False(parse.IsCritical);
        Assert.Equal("setup", parse.Opcode);
        Assert.Equal(3UL, parse.ContextId);
    }

    [Fact]
    public void A_payload_missing_a_required_field_or_with_a_wrong_type_is_refused()
    {
        var missing = UiEnvelope.Parse("""{"opcode":"walletAddresses","contextId":1,"payload":{}}""").Envelope!;
        Assert.False(missing.TryGetPayload<UiWalletAddressesRequest>(out _, out var problem));
        Assert.NotEmpty(problem);
        var wrongType = UiEnvelope.Parse("""{"opcode":"checkPassword","contextId":1,"payload":{"dbPasswordOpt":5}}""").Envelope!;
        Assert.False(wrongType.TryGetPayload<UiCheckPasswordRequest>(out _, out _));
        var optionalMissing = UiEnvelope.Parse("""{"opcode":"checkPassword","contextId":1,"payload":{}}""").Envelope!;
        Assert.True(optionalMissing.TryGetPayload<UiCheckPasswordRequest>(out var request, out _));
        Assert.Null(request.DbPasswordOpt);
    }

    [Fact]
    public void Random_text_never_throws()
    {
        var random = new Random(1234);
        var rejected = 0;
        var pieces = new[] { "{", "}", "[", "]", "\"opcode\"", ":", ",", "\"contextId\"", "1", "-1", "\"payload\"", "\"error\"", "null", "\"x\"", "1e400", "\\u0000", " " };
        for (var i = 0; i < 20_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 24)).Select(_ => pieces[random.Next(pieces.Length)]));
            var parse = UiEnvelope.Parse(text);
            if (parse.Envelope is null)
            {
                rejected++;
                Assert.False(string.IsNullOrEmpty(parse.Problem));
            }
            else if (parse.Envelope is { } envelope)
            {
                _ = envelope.TryGetPayload<UiSetupRequest>(out _, out _);
                _ = envelope.TryGetPayload<UiFinancialsRequest>(out _, out _);
            }
        }
        Assert.True(rejected > 0);
    }
}
