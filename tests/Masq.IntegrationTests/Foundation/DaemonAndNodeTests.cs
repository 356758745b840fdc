using System.Net;
using System.Text.Json;
using Masq.IntegrationTests.Infrastructure;
using Masq.Lib.Configuration;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Client;
using Masq.Lib.Ui.Messages;

namespace Masq.IntegrationTests.Foundation;

/// <summary>The Daemon and the Node it launches, over the real UI protocol (spec §7 scenarios 5, 8, 9 and more).</summary>
[Collection(IntegrationCollection.Name)]
public sealed class DaemonAndNodeTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Daemon_answers_node_messages_with_NODE_NOT_RUNNING_before_start_and_redirects_after()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        await using var raw = await RawHubConnection.ConnectAsync(daemon.UiPort);
        var financials = UiEnvelope.From(new UiFinancialsRequest(true), 1234);

        await raw.SendAsync(financials);
        var refused = await raw.ReceiveAsync();
        Assert.Equal(Opcodes.Financials, refused.Opcode);
        Assert.Equal(1234UL, refused.ContextId);
        Assert.Equal(UiErrorCodes.NodeNotRunning, refused.Error!.Code);
        Assert.Equal("Cannot handle financials request: Node is not running", refused.Error.Message);

        var port = await StartZeroHopNodeAsync(daemon, raw);

        await raw.SendAsync(financials);
        var redirect = (await raw.ReceiveAsync(Opcodes.Redirect)).GetPayload<UiRedirect>();
        Assert.Equal(port, redirect.Port);
        Assert.Equal(Opcodes.Financials, redirect.Opcode);
        Assert.Equal(1234UL, redirect.ContextId);
        Assert.Equal(JsonDocument.Parse(financials.PayloadJson!).RootElement.GetRawText(), JsonDocument.Parse(redirect.Payload).RootElement.GetRawText());
    }

    [Fact]
    public async Task Fire_and_forget_to_a_Daemon_without_a_Node_comes_back_undelivered()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        await using var raw = await RawHubConnection.ConnectAsync(daemon.UiPort);
        await raw.SendAsync(UiEnvelope.From(new UiCrashRequest("NEIGHBORHOOD", "x")));
        var undelivered = (await raw.ReceiveAsync(Opcodes.Undelivered)).GetPayload<UiUndelivered>();
        Assert.Equal(Opcodes.Crash, undelivered.Opcode);
    }

    [Fact]
    public async Task Malformed_messages_get_unmarshal_errors_and_the_Daemon_keeps_serving()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        await using var raw = await RawHubConnection.ConnectAsync(daemon.UiPort);

        await raw.SendAsync("this is not json");
        var critical = (await raw.ReceiveAsync(Opcodes.UnmarshalError)).GetPayload<UiUnmarshalError>();
        Assert.Equal("this is not json", critical.BadData);

        await raw.SendAsync("""{"opcode":"setup","contextId":7,"payload":"not an object"}""");
        var nonCritical = await raw.ReceiveAsync(Opcodes.Setup);
        Assert.Equal(7UL, nonCritical.ContextId);
        Assert.Equal(UiErrorCodes.Unmarshal, nonCritical.Error!.Code);

        await raw.SendAsync("""{"opcode":"setup","contextId":8,"payload":{"values":"wrong type"}}""");
        var badPayload = await raw.ReceiveAsync(Opcodes.Setup);
        Assert.Equal(UiErrorCodes.Unmarshal, badPayload.Error!.Code);

        await using var client = await daemon.ConnectAsync();
        var setup = await client.TransactAsync<UiSetupRequest, UiSetupResponse>(new UiSetupRequest([]), Long);
        Assert.False(setup.Running);
    }

    [Fact]
    public async Task Full_cycle_setup_start_talk_set_password_and_shut_down()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        await using var client = await daemon.ConnectAsync();
        var dataDirectory = daemon.Home.Combine("node-data");
        var setup = await client.TransactAsync<UiSetupRequest, UiSetupResponse>(new UiSetupRequest(
        [
            new(ParameterNames.NeighborhoodMode, "zero-hop"),
            new(ParameterNames.DataDirectory, dataDirectory),
            new(ParameterNames.LogLevel, "info"),
        ]), Long);
        Assert.Empty(setup.Errors);
        Assert.Contains(setup.Values, v => v.Name == ParameterNames.NeighborhoodMode && v.Value == "zero-hop" && v.Status == SetupStatus.Set);

        var crashed = new TaskCompletionSource<UiCrashedBroadcast>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.MessageReceived += e =>
        {
            if (e.Opcode == Opcodes.Crashed)
            {
                crashed.TrySetResult(e.GetPayload<UiCrashedBroadcast>());
            }
        };

        var start = await client.TransactAsync<UiStartRequest, UiStartResponse>(new UiStartRequest(), Long);
        Assert.True(start.NewProcessId > 0);

        var descriptor = await client.TransactAsync<UiDescriptorRequest, UiDescriptorResponse>(new UiDescriptorRequest(), Long);
        Assert.Null(descriptor.NodeDescriptorOpt); // zero-hop Nodes have no public descriptor
        Assert.Equal(start.RedirectUiPort, client.NodePort);

        var status = await client.TransactAsync<UiConnectionStatusRequest, UiConnectionStatusResponse>(new UiConnectionStatusRequest(), Long);
        Assert.Equal(UiConnectionStage.NotConnected, status.Stage);

        Assert.True((await client.TransactAsync<UiCheckPasswordRequest, UiCheckPasswordResponse>(new UiCheckPasswordRequest(null), Long)).Matches);
        await client.TransactAsync<UiChangePasswordRequest, UiChangePasswordResponse>(new UiChangePasswordRequest("first secret"), Long);
        Assert.False((await client.TransactAsync<UiCheckPasswordRequest, UiCheckPasswordResponse>(new UiCheckPasswordRequest(null), Long)).Matches);
        Assert.True((await client.TransactAsync<UiCheckPasswordRequest, UiCheckPasswordResponse>(new UiCheckPasswordRequest("first secret"), Long)).Matches);

        var wrongOld = await Assert.ThrowsAsync<UiCallException>(() =>
            client.TransactAsync<UiChangePasswordRequest, UiChangePasswordResponse>(new UiChangePasswordRequest("third", "not the password"), Long));
        Assert.Equal(UiErrorCodes.ConfiguratorWrite, wrongOld.Code);
        Assert.True((await client.TransactAsync<UiCheckPasswordRequest, UiCheckPasswordResponse>(new UiCheckPasswordRequest("first secret"), Long)).Matches);

        var configuration = await client.TransactAsync<UiConfigurationRequest, UiConfigurationResponse>(new UiConfigurationRequest("first secret"), Long);
        Assert.Equal("zero-hop", configuration.NeighborhoodMode);
        Assert.Equal("base-mainnet", configuration.ChainName);
        Assert.Equal("11", configuration.CurrentSchemaVersion);
        // setup appends the chain to the data directory
        Assert.True(File.Exists(Path.Combine(dataDirectory, "base-mainnet", "node-data.db")));

        await client.TransactAsync<UiSetConfigurationRequest, UiSetConfigurationResponse>(new UiSetConfigurationRequest(ParameterNames.MinHops, "5"), Long);
        var badHops = await Assert.ThrowsAsync<UiCallException>(() =>
            client.TransactAsync<UiSetConfigurationRequest, UiSetConfigurationResponse>(new UiSetConfigurationRequest(ParameterNames.MinHops, "9"), Long));
        Assert.Equal(UiErrorCodes.NonParsableValue, badHops.Code);

        var lost = await Assert.ThrowsAsync<UiConnectionLostException>(() =>
            client.TransactAsync<UiShutdownRequest, UiShutdownRequest>(new UiShutdownRequest(), Long));
        Assert.True(lost.WasNode);
        var broadcast = await crashed.Task.WaitAsync(Long);
        Assert.Equal(start.NewProcessId, broadcast.ProcessId);

        // The Daemon accepts setup again, and the next Node keeps the password and the run-time change.
        var again = await client.TransactAsync<UiSetupRequest, UiSetupResponse>(new UiSetupRequest([new(ParameterNames.DbPassword, "first secret")]), Long);
        Assert.False(again.Running);
        Assert.Contains(again.Values, v => v.Name == ParameterNames.DbPassword && v.Value == new string('*', 16));
        Assert.Contains(again.Values, v => v.Name == ParameterNames.MinHops && v.Value == "5");
        var restarted = await client.TransactAsync<UiStartRequest, UiStartResponse>(new UiStartRequest(), Long);
        // Secrets reach the Node through its environment, never its command line (which every user can read).
        var commandLine = await File.ReadAllTextAsync($"/proc/{restarted.NewProcessId}/cmdline");
        Assert.DoesNotContain("first secret", commandLine, StringComparison.Ordinal);
        Assert.DoesNotContain("db-password", commandLine, StringComparison.Ordinal);
        var afterRestart = await client.TransactAsync<UiConfigurationRequest, UiConfigurationResponse>(new UiConfigurationRequest("first secret"), Long);
        Assert.Equal("zero-hop", afterRestart.NeighborhoodMode);
    }

    [Theory]
    [InlineData("CONFIGURATOR")]
    [InlineData("DISPATCHER")]
    [InlineData("NEIGHBORHOOD")]
    [InlineData("UIGATEWAY")]
    public async Task A_crash_request_makes_the_named_actor_fail_and_the_Daemon_broadcasts_crashed(string actor)
    {
        await using var daemon = await DaemonProcess.StartAsync();
        await using var client = await daemon.ConnectAsync();
        await client.TransactAsync<UiSetupRequest, UiSetupResponse>(new UiSetupRequest(
        [
            new(ParameterNames.NeighborhoodMode, "zero-hop"),
            new(ParameterNames.DataDirectory, daemon.Home.Combine("crash")),
            new(ParameterNames.CrashPoint, "message"),
        ]), Long);
        var crashed = new TaskCompletionSource<UiCrashedBroadcast>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.MessageReceived += e =>
        {
            if (e.Opcode == Opcodes.Crashed)
            {
                crashed.TrySetResult(e.GetPayload<UiCrashedBroadcast>());
            }
        };
        var start = await client.TransactAsync<UiStartRequest, UiStartResponse>(new UiStartRequest(), Long);
        // A conversation first, so the client is connected to the Node when the fire-and-forget crash goes out.
        await client.TransactAsync<UiDescriptorRequest, UiDescriptorResponse>(new UiDescriptorRequest(), Long);

        await client.SendAsync(new UiCrashRequest(actor, "Test panic"));

        var broadcast = await crashed.Task.WaitAsync(Long);
        Assert.Equal(start.NewProcessId, broadcast.ProcessId);
        Assert.Equal(CrashReasonKind.Unrecognized, broadcast.CrashReason.Kind);
        Assert.Contains("Test panic", broadcast.CrashReason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Node_that_cannot_start_is_reported_as_died_immediately_and_the_setup_is_kept()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        await using var client = await daemon.ConnectAsync();
        await client.TransactAsync<UiSetupRequest, UiSetupResponse>(new UiSetupRequest(
        [
            new(ParameterNames.NeighborhoodMode, "zero-hop"),
            new(ParameterNames.DataDirectory, daemon.Home.Combine("panic")),
            new(ParameterNames.CrashPoint, "panic"),
        ]), Long);
        var failure = await Assert.ThrowsAsync<UiCallException>(() => client.TransactAsync<UiStartRequest, UiStartResponse>(new UiStartRequest(), Long));
        Assert.Equal(UiErrorCodes.NodeLaunch, failure.Code);
        Assert.Matches(@"^Could not launch Node: Node started in process \d+, but died immediately:\n", failure.Message);
        Assert.Contains("CrashTestDummy", failure.Message, StringComparison.Ordinal);
        var setup = await client.TransactAsync<UiSetupRequest, UiSetupResponse>(new UiSetupRequest([]), Long);
        Assert.Contains(setup.Values, v => v.Name == ParameterNames.CrashPoint && v.Value == "panic" && v.Status == SetupStatus.Set);
    }

    [Fact]
    public async Task A_second_Daemon_on_a_taken_port_says_so_and_exits_1()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        var second = await ProcessRunner.RunAsync(MasqBinaries.Node, ["--initialization", "--ui-port", daemon.UiPort.ToString(System.Globalization.CultureInfo.InvariantCulture)], daemon.Environment);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains($"ui-port - There appears to be a process already listening on port {daemon.UiPort}; are you sure there's not a Daemon already running?", second.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Web_pages_cannot_drive_the_hub()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        using var http = new HttpClient();
        using var fromPage = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{daemon.UiPort}{UiProtocol.HubPath}/negotiate?negotiateVersion=1");
        fromPage.Headers.Add("Origin", "http://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(fromPage)).StatusCode);

        using var rebound = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{daemon.UiPort}{UiProtocol.HubPath}/negotiate?negotiateVersion=1");
        rebound.Headers.Host = "attacker.example";
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(rebound)).StatusCode);

        using var local = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{daemon.UiPort}{UiProtocol.HubPath}/negotiate?negotiateVersion=1");
        Assert.True(UiCookie.TryReadFor(daemon.UiPort, out var secret, out var problem), problem);
        local.Headers.TryAddWithoutValidation("Authorization", UiCookie.AuthorizationValue(secret));
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(local)).StatusCode);
    }

    [Fact]
    public async Task Environment_and_config_file_reach_the_setup_with_the_right_priority()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "masq-it-cfg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDirectory);
        try
        {
            Directory.CreateDirectory(Path.Combine(dataDirectory, "base-mainnet"));
            await File.WriteAllTextAsync(Path.Combine(dataDirectory, "base-mainnet", "config.toml"), "log-level = \"debug\"\nmin-hops = 2\ngas-price = 7\n");
            await using var daemon = await DaemonProcess.StartAsync(new Dictionary<string, string> { ["MASQ_MIN_HOPS"] = "4" });
            await using var client = await daemon.ConnectAsync();
            var setup = await client.TransactAsync<UiSetupRequest, UiSetupResponse>(new UiSetupRequest(
            [
                new(ParameterNames.NeighborhoodMode, "zero-hop"),
                new(ParameterNames.DataDirectory, dataDirectory),
                new(ParameterNames.GasPrice, "9"),
            ]), Long);
            Assert.Empty(setup.Errors);
            Assert.Contains(setup.Values, v => v.Name == ParameterNames.LogLevel && v.Value == "debug" && v.Status == SetupStatus.Configured);
            Assert.Contains(setup.Values, v => v.Name == ParameterNames.MinHops && v.Value == "4" && v.Status == SetupStatus.Configured);
            Assert.Contains(setup.Values, v => v.Name == ParameterNames.GasPrice && v.Value == "9" && v.Status == SetupStatus.Set);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    internal static async Task<ushort> StartZeroHopNodeAsync(DaemonProcess daemon, RawHubConnection raw)
    {
        await raw.SendAsync(UiEnvelope.From(new UiSetupRequest(
        [
            new(ParameterNames.NeighborhoodMode, "zero-hop"),
            new(ParameterNames.DataDirectory, daemon.Home.Combine("node")),
        ]), 1));
        await raw.ReceiveAsync(Opcodes.Setup, Long);
        await raw.SendAsync(UiEnvelope.From(new UiStartRequest(), 2));
        var start = await raw.ReceiveAsync(Opcodes.Start, Long);
        Assert.Null(start.Error);
        return start.GetPayload<UiStartResponse>().RedirectUiPort;
    }
}
