using System.Net;
using Masq.Daemon.Ui;
using Masq.Lib.Configuration;
using Masq.Lib.Neighborhood;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;
using Masq.Node.Actors;
using Masq.Node.Blockchain;
using Masq.Node.Configuration;
using Masq.Node.Crypto;
using Masq.Node.Hopper;
using Masq.Node.Neighborhood.Countries;
using Masq.Node.Neighborhood.Database;
using Masq.Node.Neighborhood.Gossip;
using Masq.Node.Neighborhood.Graph;
using Masq.Node.Neighborhood.Records;
using Masq.Node.Neighborhood.Routes;
using Masq.Node.Networking;
using Masq.Node.Persistence;
using Masq.Node.PortMapping;
using Masq.Node.Protocol;
using Masq.Node.Routing;
using Masq.Node.Ui;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Masq.Node.Links;

namespace Masq.Node.Neighborhood;

/// <summary>
/// The Neighborhood (neighborhood.md): owns the database of Nodes, takes and produces gossip, tracks connection
/// progress, picks routes for the ProxyServer, keeps the past neighbors, and answers the UI's connectionStatus,
/// neighborhoodGraph and exitLocation. One message at a time, so the database needs no locks; the
/// <see cref="NodeDirectory"/> the clandestine links use is kept in step with it after every change.
/// </summary>
internal sealed partial class NeighborhoodActor : Actor<NeighborhoodMessage>, IUiRequestHandler
{
    /// <summary>How long an initial neighbor has to answer a Debut once connected (ASK_ABOUT_GOSSIP_INTERVAL).</summary>
    public static readonly TimeSpan GossipResponseTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How often a Node with no full neighbor debuts again to its initial neighbors (the reference never does).</summary>
    public static readonly TimeSpan DebutRetryInterval = TimeSpan.FromSeconds(15);

    /// <summary>The trial route of the connectivity check (§6).</summary>
    private const int TrialPayloadSize = 10_000;

    private static readonly string[] HandledOpcodes = [Opcodes.ConnectionStatus, Opcodes.NeighborhoodGraph, Opcodes.ExitLocation];

    private readonly NodeSettings _settings;
    private readonly NodeIdentity _identity;
    private readonly NodeRuntimeState _state;
    private readonly ConnectionProgress _progress;
    private readonly IUiOutbound _outbound;
    private readonly HopperService _hopper;
    private readonly NodeDirectory _directory;
    private readonly IPayerSource _payer;
    private readonly IPersistentConfiguration _configuration;
    private readonly IScanStarter _scans;
    private readonly TimeProvider _time;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly NodeFailure _failure;
    private readonly ILogger<NeighborhoodActor> _logger;
    private readonly GossipTraffic _traffic;
    private readonly RootVersionFile _rootVersion;
    private readonly GossipAcceptor _acceptor;
    private readonly GossipProducer _producer;
    private readonly MalefactorList _malefactors;
    private readonly RouteSelector _selector = new();
    private readonly ReturnRouteIds _routeIds = new();
    private readonly List<ITimer> _timers = [];
    private readonly NeighborhoodDatabase _db;

    // Past neighbors are sealed with a key derived from the password (deliberately slow) and stored in SQLite: that
    // runs here, never on the actor's loop, which must stay free for route requests and gossip.
    private readonly BlockingWorkThread _pastNeighborsWriter = new("Neighborhood past neighbors");
    private readonly PortMappingStatus _portMapping;
    private ExitCountryPreferences _exitPreferences = ExitCountryPreferences.None;
    private IReadOnlyList<string> _exitCountries = [];
    private HashSet<PublicKey> _savedFullNeighbors = [];

    /// <summary>Whether "declined to save past neighbors" was logged since a password was last known (logged once, not per change).</summary>
    private bool _pastNeighborsDeclinedLogged;
    private readonly List<(PublicKey Key, IPEndPoint Endpoint)> _initialNeighbors = [];
    private bool _gossipPending;

    /// <summary>The neighbors whose links this Node closed when its public address moved, until each link closes.</summary>
    private readonly HashSet<PublicKey> _relinking = [];

    /// <summary>
    /// The neighbors this Node had when its public address moved: until <see cref="_movedUntil"/>, their dropping it
    /// (their links through the old address died too) does not make it part from them.
    /// </summary>
    private readonly HashSet<PublicKey> _movedNeighbors = [];
    private DateTimeOffset _movedUntil;

    /// <summary>How long after a move the neighbors of before may drop this Node without its parting from them.</summary>
    private static readonly TimeSpan MoveGrace = TimeSpan.FromSeconds(60);

    /// <summary>Neighbors lost lately, with where they were: those lost just before this Node noticed its move are taken back (<see cref="MoveRootAsync"/>).</summary>
    private readonly List<(PublicKey Key, NodeAddr Address, DateTimeOffset At)> _recentlyLost = [];
    private static readonly TimeSpan LostBeforeMove = TimeSpan.FromSeconds(30);

    private void RememberLost(PublicKey key, NodeAddr address)
    {
        var now = _time.GetUtcNow();
        _recentlyLost.RemoveAll(entry => now - entry.At > LostBeforeMove || entry.Key.Equals(key));
        if (_recentlyLost.Count < 64)
        {
            _recentlyLost.Add((key, address, now));
        }
    }

    /// <summary>The newest record version of each Node whose claimed new address was checked (<see cref="CheckAddressClaim"/>).</summary>
    private readonly Dictionary<PublicKey, uint> _claimsChecked = [];
    private const int MaxClaimsRemembered = 4096;
    private static readonly TimeSpan ClaimProofTimeout = TimeSpan.FromSeconds(20);
    private readonly ClandestinePool _links;
    private DateTimeOffset _lastParting = DateTimeOffset.MinValue;

    /// <summary>When each address may next be given a healing Debut, and the wait after that one (doubling).</summary>
    private readonly Dictionary<IPEndPoint, (DateTimeOffset Next, TimeSpan Wait)> _healingBackoff = [];

    /// <summary>Whether the last retry tick found the root cut off from Nodes it knows (two ticks in a row act).</summary>
    private bool _cutOffAtLastTick;

    /// <summary>The least time between two partings for an exit (each needs a round of gossip to take effect).</summary>
    private static readonly TimeSpan PartingInterval = TimeSpan.FromSeconds(15);
    private bool _rootVersionWarned;
    private int _minHops;

    public NeighborhoodActor(
        NodeSettings settings,
        NodeIdentity identity,
        NodeRuntimeState state,
        ConnectionProgress progress,
        IUiOutbound outbound,
        HopperService hopper,
        ClandestinePool links,
        NodeDirectory directory,
        IPayerSource payer,
        IPersistentConfiguration configuration,
        IScanStarter scans,
        GossipTraffic traffic,
        TimeProvider time,
        IHostApplicationLifetime lifetime,
        NodeFailure failure,
        ILogger<NeighborhoodActor> logger,
        PortMappingStatus portMapping)
        : base("NEIGHBORHOOD", failure, logger)
    {
        _settings = settings;
        _identity = identity;
        _state = state;
        _progress = progress;
        _outbound = outbound;
        _hopper = hopper;
        _directory = directory;
        _payer = payer;
        _configuration = configuration;
        _scans = scans;
        _time = time;
        _lifetime = lifetime;
        _failure = failure;
        _logger = logger;
        _minHops = state.MinHops;
        _traffic = traffic;
        _malefactors = new MalefactorList(time);
        _acceptor = new GossipAcceptor(identity.Main, time);
        _producer = new GossipProducer(time);
        _rootVersion = new RootVersionFile(settings.DataDirectory);
        _db = new NeighborhoodDatabase(identity.Main, RootInner(settings, identity, _rootVersion.FirstVersion()), RootAddress(settings, identity), time);
        _progress.Changed += stage => _ = _outbound.BroadcastAsync(UiEnvelope.From(new UiConnectionChangeBroadcast(stage)));
        _state.MinHopsChanged += hops => TryPost(new NeighborhoodMessage.MinHopsChanged(hops));
        _links = links;
        links.LinkFailed += remote => OnLinkLost(remote, neverConnected: true);
        links.LinkClosed += remote => OnLinkLost(remote, neverConnected: false);
        hopper.AttachGossip(new NeighborhoodGossipSink(this));
        _portMapping = portMapping;
        portMapping.PublicAddressChanged += ip => TryPost(new NeighborhoodMessage.PublicAddressChanged(ip));
    }

    public IReadOnlyCollection<string> UiOpcodes => HandledOpcodes;

    /// <summary>The database, for tests that look inside a running Neighborhood; touch it only from the actor.</summary>
    internal NeighborhoodDatabase Database => _db;

    private bool Gossips => _settings.NeighborhoodMode != NeighborhoodMode.ZeroHop;

    public ValueTask PostUiAsync(UiRequest request, CancellationToken cancellationToken) =>
        PostAsync(new NeighborhoodMessage.Ui(request), cancellationToken);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        TryPost(new NeighborhoodMessage.Start());
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        foreach (var timer in _timers)
        {
            timer.Dispose();
        }

        _pastNeighborsWriter.Dispose();
        base.Dispose();
    }

    /// <summary>Called by the clandestine pool's events (on its threads).</summary>
    internal void OnLinkLost(IPEndPoint remote, bool neverConnected) =>
        TryPost(new NeighborhoodMessage.LinkLost(remote, neverConnected));

    protected override async ValueTask HandleAsync(NeighborhoodMessage message, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case NeighborhoodMessage.Start:
                await StartNeighborhoodAsync(cancellationToken).ConfigureAwait(false);
                break;
            case NeighborhoodMessage.PackageArrived arrived:
                await HandlePackageAsync(arrived.Package, cancellationToken).ConfigureAwait(false);
                break;
            case NeighborhoodMessage.RouteRequested request:
                request.Answer.TrySetResult(FindRoute(request.Query.Hostname, request.Query.PayloadSize, logFailure: true));
                break;
            case NeighborhoodMessage.UnreachableHost unreachable:
                if (_db.Get(unreachable.ExitKey) is { } exit && exit.AddUnreachableHost(unreachable.Hostname))
                {
                    LogUnreachableHost(unreachable.Hostname, Describe(exit.Key));
                }

                break;
            case NeighborhoodMessage.LinkLost lost:
                await HandleLinkLostAsync(lost, cancellationToken).ConfigureAwait(false);
                break;
            case NeighborhoodMessage.GossipResponseDue due:
                if (_progress.NoGossipResponse(due.PeerIp))
                {
                    // A joining Node is often introduced elsewhere before a busy neighbor would answer; only worry when alone.
                    if (_db.RootFullNeighborCount() == 0)
                    {
                        LogNoGossipResponse(due.PeerIp);
                    }
                    else
                    {
                        LogNoGossipResponseButConnected(due.PeerIp);
                    }
                }

                break;
            case NeighborhoodMessage.PastNeighborsSaved saved:
                _savedFullNeighbors = [.. saved.Keys];
                break;
            case NeighborhoodMessage.MinHopsChanged changed:
                _minHops = changed.MinHops;
                _progress.RouteLost();
                RecomputeExitCountries();
                CheckConnectivity();
                break;
            case NeighborhoodMessage.Ui ui:
                await HandleUiAsync(ui.Request).ConfigureAwait(false);
                break;
            case NeighborhoodMessage.FlushGossip:
                _gossipPending = false;
                await GossipToNeighborsAsync(cancellationToken).ConfigureAwait(false);
                break;
            case NeighborhoodMessage.RetryDebuts:
                await RetryDebutsAsync(cancellationToken).ConfigureAwait(false);
                break;
            case NeighborhoodMessage.PublicAddressChanged changed:
                await MoveRootAsync(changed.Address, cancellationToken).ConfigureAwait(false);
                break;
            case NeighborhoodMessage.AddressProved proved:
                await HandleAddressProvedAsync(proved.Claim, cancellationToken).ConfigureAwait(false);
                break;
        }

        if (Gossips && !_rootVersion.Save(_db.Root.Version) && !_rootVersionWarned)
        {
            _rootVersionWarned = true;
            LogRootVersionNotSaved(_rootVersion.Path);
        }
    }

    /// <summary>
    /// Gossip goes out once per batch: the flush is queued behind the messages already waiting, so a burst of accepted
    /// gossip while a mesh forms costs one message per neighbor instead of one per accepted message. Falls back to
    /// sending at once when the mailbox is full.
    /// </summary>
    private async Task ScheduleGossipAsync(CancellationToken cancellationToken)
    {
        if (_gossipPending)
        {
            return;
        }

        if (TryPost(new NeighborhoodMessage.FlushGossip()))
        {
            _gossipPending = true;
            return;
        }

        await GossipToNeighborsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A Node whose Debuts went unanswered (a neighbor not listening yet, a lost link) would otherwise stay alone for
    /// good: while it has no full neighbor, it debuts again to the initial neighbors that failed.
    /// </summary>
    private async Task RetryDebutsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RetryDebutsWhileAloneAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The Node is stopping: its own links closing left it alone, and the Hopper is already gone. Nothing to redo.
        }
    }

    private async Task RetryDebutsWhileAloneAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        DropStaleRecords();
        if (_db.RootFullNeighborCount() > 0)
        {
            // Not alone, but perhaps on an island: act when two ticks in a row find Nodes the root cannot reach, so
            // that the half links of a mesh still forming are left to finish.
            bool cutOff = UnreachableKeys().Count > 0;
            if (cutOff && _cutOffAtLastTick)
            {
                await HealPartitionAsync(cancellationToken).ConfigureAwait(false);
            }

            _cutOffAtLastTick = cutOff;
            return;
        }

        var debut = _producer.ProduceDebut(_db).ToMessage();
        foreach (var (key, endpoint) in _initialNeighbors)
        {
            if (_progress.Retry(endpoint.Address))
            {
                LogDebutRetry(endpoint);
                await SendDebutAsync(key, endpoint, debut, cancellationToken).ConfigureAwait(false);
            }
            else if (_progress.Get(endpoint.Address)?.Stage is not (NeighborStage.StageZero or NeighborStage.TcpConnectionEstablished))
            {
                // Once joined, then left alone when its neighbors died (killed or gone): an established or passed-on initial
                // neighbor is never retried above, so without this the Node would stay alone, and unroutable, for good.
                LogDebutRetry(endpoint);
                _traffic.Sent(debut.Encode().Length);
                await _hopper.SendNoLookupAsync(key, endpoint, debut, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The router's public address changed under a mapped port: the root record moves there (same ports), is signed
    /// again with a higher version, and goes to every neighbor, so the network reaches this Node at its new address.
    /// </summary>
    private async Task MoveRootAsync(IPAddress address, CancellationToken cancellationToken)
    {
        if (_settings.NeighborhoodMode != NeighborhoodMode.Standard || _db.Root.Address is not { } current || current.Ip.Equals(address))
        {
            return;
        }

        _db.SetRootAddress(new NodeAddr(address, current.Ports), IpCountryTable.Load().CountryOf(address));
        LogRootMoved(current.Ip, address);

        // The links went through the old address, which the router's NAT no longer serves: they are closed, and each
        // neighbor whose link closes now is not lost but gets the gossip over a new link, opened from the new address
        // (which it believes: the record moves itself, GossipAcceptor.MovedItself).
        _relinking.Clear();
        _relinking.UnionWith(_db.HalfNeighbors(_db.RootKey).Select(record => record.Key));

        // Neighbors lost just before the move was noticed most likely went with the old address (the router's NAT
        // stopped serving the links before its new address showed): they come back as neighbors and get the gossip too.
        var now = _time.GetUtcNow();
        var retaken = new List<PublicKey>();
        foreach (var (key, lostAt, at) in _recentlyLost)
        {
            if (now - at <= LostBeforeMove && _db.Get(key) is { Address: null } record && !_db.Root.ListsNeighbor(key))
            {
                record.Address = lostAt;
                _db.AddRootNeighbor(key);
                retaken.Add(key);
                LogRelinkingLost(Describe(key), lostAt.Ip);
            }
        }

        _recentlyLost.Clear();
        SyncDirectory();
        _movedNeighbors.Clear();
        _movedNeighbors.UnionWith(_relinking);
        _movedNeighbors.UnionWith(retaken);
        _movedUntil = _time.GetUtcNow() + MoveGrace;
        _links.CloseAll();
        await ScheduleGossipAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NodeRecordInner RootInner(NodeSettings settings, NodeIdentity identity, uint version)
    {
        bool accepts = settings.NeighborhoodMode == NeighborhoodMode.Standard;
        bool routes = settings.NeighborhoodMode is NeighborhoodMode.Standard or NeighborhoodMode.OriginateOnly;
        string? country = identity.PublicDescriptor?.NodeAddr is { } address ? IpCountryTable.Load().CountryOf(address.Ip) : null;
        return new NodeRecordInner(
            identity.Main.PublicKey, settings.EffectiveEarningWallet, settings.EffectiveRatePack, [], accepts, routes, version, country);
    }

    private static NodeAddr? RootAddress(NodeSettings settings, NodeIdentity identity) =>
        settings.NeighborhoodMode == NeighborhoodMode.Standard ? identity.PublicDescriptor?.NodeAddr : null;

    private async Task StartNeighborhoodAsync(CancellationToken cancellationToken)
    {
        var initial = await InitialNeighborsAsync().ConfigureAwait(false);
        if (!Gossips)
        {
            if (_settings.Neighbors.Count > 0)
            {
                SavePastNeighbors(_settings.Neighbors.Select(d => d.ToString()).ToList(), []);
            }

            return;
        }

        _timers.Add(_time.CreateTimer(_ => TryPost(new NeighborhoodMessage.RetryDebuts()), null, DebutRetryInterval, DebutRetryInterval));
        if (initial.Count == 0)
        {
            LogNoInitialNeighbors();
            return;
        }

        var debut = _producer.ProduceDebut(_db).ToMessage();
        foreach (var descriptor in initial)
        {
            if (descriptor.NodeAddr is not { } address || address.Ports.Length == 0)
            {
                continue;
            }

            _progress.Track(address.Ip);
            var key = new PublicKey(descriptor.ToFirstContactKey());
            var endpoint = new IPEndPoint(address.Ip, address.Ports[0]);
            _initialNeighbors.Add((key, endpoint));
            await SendDebutAsync(key, endpoint, debut, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendDebutAsync(PublicKey key, IPEndPoint endpoint, MessageType debut, CancellationToken cancellationToken)
    {
        LogDebut(endpoint);
        _traffic.Sent(debut.Encode().Length);
        if (await _hopper.SendNoLookupAsync(key, endpoint, debut, cancellationToken).ConfigureAwait(false))
        {
            _progress.TcpConnected(endpoint.Address);
            var ip = endpoint.Address;
            _timers.Add(_time.CreateTimer(_ => TryPost(new NeighborhoodMessage.GossipResponseDue(ip)), null, GossipResponseTimeout, Timeout.InfiniteTimeSpan));
        }
        else if (_progress.TcpFailed(endpoint.Address))
        {
            LogDebutFailed(endpoint);
        }
    }

    private async Task<List<NodeDescriptor>> InitialNeighborsAsync()
    {
        if (_settings.Neighbors.Count > 0)
        {
            return [.. _settings.Neighbors];
        }

        if (_state.DbPassword is not { } password)
        {
            return [];
        }

        try
        {
            IReadOnlyList<string> past = [];
            await _pastNeighborsWriter.RunAsync(() => past = _configuration.GetPastNeighbors(password) ?? []).ConfigureAwait(false);
            var descriptors = new List<NodeDescriptor>();
            foreach (var text in past)
            {
                if (NodeDescriptor.TryParse(text, out var descriptor, out var error))
                {
                    descriptors.Add(descriptor);
                }
                else
                {
                    LogBadPastNeighbor(error);
                }
            }

            if (descriptors.Count > 0)
            {
                LogUsingPastNeighbors(descriptors.Count);
            }

            return descriptors;
        }
        catch (PersistenceException e)
        {
            LogPastNeighborsUnreadable(e.Message);
            return [];
        }
    }

    private async Task HandlePackageAsync(ExpiredCoresPackage<MessageType> package, CancellationToken cancellationToken)
    {
        if (package.ImmediateNeighbor is not { } source)
        {
            return;
        }

        if (!Gossips)
        {
            LogZeroHopGossip(source);
            return;
        }

        if (_malefactors.IsBanned(source))
        {
            LogBannedSource(source, package.Payload.Variant);
            return;
        }

        switch (package.Payload)
        {
            case GossipMessage gossipMessage:
                await HandleGossipAsync(gossipMessage, source, cancellationToken).ConfigureAwait(false);
                break;
            case GossipFailureMessage failureMessage:
                HandleGossipFailure(failureMessage, source);
                break;
            default:
                LogWrongPayload(source, package.Payload.Variant);
                break;
        }
    }

    private async Task HandleGossipAsync(GossipMessage message, IPEndPoint source, CancellationToken cancellationToken)
    {
        Gossip.Gossip gossip;
        try
        {
            gossip = Gossip.Gossip.Decode(message);
        }
        catch (CoresDecodeException e)
        {
            Ban(source, $"undecodable gossip: {e.Message}");
            return;
        }

        var reachedBefore = ReachedKeys();
        var handling = _acceptor.Handle(_db, gossip, source, _minHops, ip => _progress.IsTracked(ip), CountryUndesirability);
        foreach (var progressEvent in handling.Events)
        {
            ApplyProgress(progressEvent);
        }

        foreach (var parted in handling.PartedFrom)
        {
            if (_movedNeighbors.Contains(parted) && _time.GetUtcNow() < _movedUntil)
            {
                // This Node moved, and the neighbor dropped it when the link through the old address died. It stays a
                // neighbor here: the gossip over the new link lists it, and it takes this Node back.
                _db.Unpart(parted);
                _db.AddRootNeighbor(parted);
                LogKeptAfterMove(Describe(parted));
                continue;
            }

            LogPartedFrom(Describe(parted));
        }

        if (handling.PartedFrom.Count > 0 && _db.RootFullNeighborCount() == 0)
        {
            TryPost(new NeighborhoodMessage.RetryDebuts());
        }

        // A Node that dropped one of our neighbors may have seen it die: connect to it; if it is gone, the failed link
        // drops it here too (HandleLinkLostAsync), and the next gossip takes it out of everyone's routes.
        foreach (var suspect in handling.Suspects)
        {
            if (_db.Get(suspect)?.Address is { Ports.Length: > 0 } address)
            {
                _links.Probe(suspect, new IPEndPoint(address.Ip, address.Ports[0]));
            }
        }

        foreach (var claim in handling.AddressClaims)
        {
            CheckAddressClaim(claim);
        }

        switch (handling.Outcome)
        {
            case GossipOutcome.Accepted:
                LogAccepted(source, gossip.NodeRecords.Count);
                SyncDirectory();
                RecomputeExitCountries();
                await ScheduleGossipAsync(cancellationToken).ConfigureAwait(false);
                await HealIfCutOffAsync(reachedBefore, cancellationToken).ConfigureAwait(false);
                break;
            case GossipOutcome.Reply reply:
                LogReplied(source, gossip.NodeRecords.Count, reply.Gossip.NodeRecords.Count);
                SyncDirectory();
                await ReplyAsync(reply.Target, reply.Address, reply.Gossip.ToMessage(), cancellationToken).ConfigureAwait(false);
                break;
            case GossipOutcome.Failed failed:
                LogRefused(source, gossip.NodeRecords.Count, failed.Failure);
                await ReplyAsync(failed.Target, failed.Address, GossipFailureCodec.ToMessage(failed.Failure), cancellationToken).ConfigureAwait(false);
                break;
            case GossipOutcome.Ban ban:
                Ban(source, ban.Reason);
                break;
            default:
                LogIgnored(source, gossip.NodeRecords.Count);
                break;
        }

        MarkNeighborships();
        UpdatePastNeighbors();
        CheckConnectivity();
    }

    /// <summary>
    /// An initial neighbor that is now a full neighbor counts as established whichever gossip made it so: a lone Node
    /// answers a Debut with its own record, which the handlers class as a Debut and report nothing for.
    /// </summary>
    private void MarkNeighborships()
    {
        if (!_progress.AnyPending)
        {
            return;
        }

        foreach (var neighbor in _db.FullNeighbors(_db.RootKey))
        {
            if (neighbor.Address is { } address && _progress.IsTracked(address.Ip))
            {
                _progress.NeighborshipEstablished(address.Ip);
            }
        }
    }

    private void ApplyProgress(ConnectionProgressEvent progressEvent)
    {
        switch (progressEvent)
        {
            case PassGossipReceived pass:
                if (_progress.Passed(pass.SourceIp, pass.TargetIp))
                {
                    _progress.TcpConnected(pass.TargetIp);
                    var ip = pass.TargetIp;
                    _timers.Add(_time.CreateTimer(_ => TryPost(new NeighborhoodMessage.GossipResponseDue(ip)), null, GossipResponseTimeout, Timeout.InfiniteTimeSpan));
                }

                break;
            case PassLoopFound loop:
                _progress.PassLoop(loop.SourceIp);
                break;
            case IntroductionGossipReceived introduction:
                _progress.NeighborshipEstablished(introduction.IntroducerIp);
                break;
            case StandardGossipReceived standard:
                _progress.NeighborshipEstablished(standard.SenderIp);
                break;
        }
    }

    private void HandleGossipFailure(GossipFailureMessage message, IPEndPoint source)
    {
        GossipFailureKind kind;
        try
        {
            kind = GossipFailureCodec.Decode(message);
        }
        catch (CoresDecodeException e)
        {
            Ban(source, $"undecodable gossip failure: {e.Message}");
            return;
        }

        if (!_progress.IsTracked(source.Address))
        {
            // The reference panics here (unimplemented!): a pass target or a stranger refused us; nothing to do.
            LogUntrackedFailure(source, kind);
            return;
        }

        LogInitialNeighborRefused(source, kind);
        if (!_progress.Forget(source.Address) && _db.RootFullNeighborCount() == 0 && _progress.Stage == UiConnectionStage.NotConnected)
        {
            LogNoNeighborAccepted();
            _failure.Record(Key, "no neighbor accepted this Node's Debut");
            _lifetime.StopApplication();
        }
    }

    /// <summary>
    /// A third party says a known Node moved (its router's public address changed): a link to the claimed address must
    /// prove the Node's key before the move is believed (<see cref="NeighborhoodMessage.AddressProved"/>). Without this a
    /// Node that lost its link to a moved neighbor before the neighbor gossiped to it kept the old address for good. One
    /// check per Node and record version, so replayed claims cost at most one link each.
    /// </summary>
    private void CheckAddressClaim(VerifiedGossipRecord claim)
    {
        if (claim.NodeAddr is not { Ports.Length: > 0 } address
            || (_claimsChecked.TryGetValue(claim.Key, out var checkedVersion) && checkedVersion >= claim.Inner.Version))
        {
            return;
        }

        if (_claimsChecked.Count >= MaxClaimsRemembered)
        {
            _claimsChecked.Clear();
        }

        _claimsChecked[claim.Key] = claim.Inner.Version;
        var endpoint = new IPEndPoint(address.Ip, address.Ports[0]);
        _ = Task.Run(async () =>
        {
            if (await _links.ProveAsync(claim.Key, endpoint, ClaimProofTimeout).ConfigureAwait(false))
            {
                TryPost(new NeighborhoodMessage.AddressProved(claim));
            }
        });
    }

    private async Task HandleAddressProvedAsync(VerifiedGossipRecord claim, CancellationToken cancellationToken)
    {
        if (!GossipAcceptor.ApplyProvenMove(_db, claim, _time.GetUtcNow(), out bool parted))
        {
            return;
        }

        LogMoveProved(Describe(claim.Key), claim.NodeAddr!.Ip);
        if (parted)
        {
            LogPartedFrom(Describe(claim.Key));
        }

        SyncDirectory();
        await ScheduleGossipAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task HandleLinkLostAsync(NeighborhoodMessage.LinkLost lost, CancellationToken cancellationToken)
    {
        if (lost.NeverConnected && _progress.TcpFailed(lost.Remote.Address))
        {
            LogDebutFailed(lost.Remote);
        }

        if (!Gossips)
        {
            return;
        }

        // A neighbor whose link died is dropped from the root's neighbors and gossiped away (§3.5).
        foreach (var record in _db.HalfNeighbors(_db.RootKey).ToList())
        {
            if (record.Address is { } address && address.Ip.Equals(lost.Remote.Address)
                && (address.Ports.Contains(lost.Remote.Port) || !record.AcceptsConnections || lost.NeverConnected))
            {
                if (!lost.NeverConnected && _relinking.Remove(record.Key))
                {
                    // Closed because this Node moved (MoveRootAsync): once per move, the neighbor gets a new link.
                    LogRelinking(Describe(record.Key), lost.Remote);
                    await ScheduleGossipAsync(cancellationToken).ConfigureAwait(false);
                    return;
                }

                LogNeighborLost(Describe(record.Key), lost.Remote);
                RememberLost(record.Key, address);
                record.Address = null;
                _db.RemoveRootNeighbor(record.Key);
                _directory.Remove(record.Key);
                await ScheduleGossipAsync(cancellationToken).ConfigureAwait(false);
                if (_db.RootFullNeighborCount() == 0)
                {
                    // Left alone: debut again now rather than at the next retry tick.
                    TryPost(new NeighborhoodMessage.RetryDebuts());
                }
                else
                {
                    // The dead neighbor may have been the only bridge to the rest of the mesh.
                    await HealPartitionAsync(cancellationToken).ConfigureAwait(false);
                }

                return;
            }
        }
    }

    private async Task GossipToNeighborsAsync(CancellationToken cancellationToken)
    {
        foreach (var target in _producer.GossipTargets(_db))
        {
            if (_producer.Produce(_db, target) is not { } gossip || !_directory.TryLocate(target, out _))
            {
                continue;
            }

            var route = Route.OneWay(new RouteSegment([_db.RootKey, target], Component.Neighborhood), _identity.Main, payer: null);
            var encoded = gossip.ToMessage().Encode();
            _traffic.Sent(encoded.Length);
            var payload = _identity.Main.Seal(target, encoded);
            if (!await _hopper.SendAsync(new IncipientCoresPackage(route, payload), cancellationToken).ConfigureAwait(false))
            {
                LogGossipUndelivered(Describe(target));
            }
        }
    }

    private async Task ReplyAsync(PublicKey target, NodeAddr address, MessageType message, CancellationToken cancellationToken)
    {
        if (address.Ports.Length == 0)
        {
            return;
        }

        var endpoint = new IPEndPoint(address.Ip, address.Ports[0]);
        _traffic.Sent(message.Encode().Length);
        if (!await _hopper.SendNoLookupAsync(target, endpoint, message, cancellationToken).ConfigureAwait(false))
        {
            LogReplyUndelivered(message.Variant, endpoint);
        }
    }

    private void Ban(IPEndPoint source, string reason)
    {
        _malefactors.Ban(source, reason);
        LogMalefactor(source, reason, MalefactorList.DefaultBanTime.TotalMinutes);
    }

    /// <summary>Keeps the clandestine links' key → address table in step with the database.</summary>
    private void SyncDirectory()
    {
        foreach (var record in _db.Records)
        {
            if (record.Key.Equals(_db.RootKey))
            {
                continue;
            }

            if (record.Address is { Ports.Length: > 0 } address)
            {
                _directory.Add(new RouteNode(record.Key, new IPEndPoint(address.Ip, address.Ports[0]), record.Inner.EarningWallet, record.Inner.RatePack));
            }
            else
            {
                _directory.Remove(record.Key);
            }
        }
    }

    private RoundTripPlan? FindRoute(string? hostname, int payloadSize, bool logFailure)
    {
        if (!Gossips)
        {
            return null;
        }

        var selected = _selector.FindRoundTrip(_db, _minHops, hostname, payloadSize, ExitRule(), _payer.Signer is not null);
        if (selected is null)
        {
            if (logFailure)
            {
                LogNoRoute(hostname ?? "(unknown host)", _minHops);
                PartForAnExit();
            }

            return null;
        }

        return RoundTripPlanner.Build(_identity.Main, _payer.Signer, selected.Over, selected.Back, DescribeForRoute, _routeIds.Next());
    }

    /// <summary>
    /// Keys of the Nodes in the database that the root cannot reach over full links: the far side of a partition, as
    /// when the only Node that linked this Node's part of the mesh to the rest has died. Records without any full
    /// neighbor are left out (a Node still joining, or one every other Node has dropped).
    /// </summary>
    private HashSet<PublicKey> UnreachableKeys() => UnreachableKeys(ReachedKeys());

    private HashSet<PublicKey> UnreachableKeys(HashSet<PublicKey> reached)
    {
        var unreachable = new HashSet<PublicKey>();
        foreach (var record in _db.Records)
        {
            if (!reached.Contains(record.Key) && record.Inner.RoutesData && _db.FullNeighbors(record.Key).Any())
            {
                unreachable.Add(record.Key);
            }
        }

        return unreachable;
    }

    /// <summary>The root and every Node it reaches over full links.</summary>
    private HashSet<PublicKey> ReachedKeys() => _db.ReachedFromRoot();

    /// <summary>Far records nothing vouched for within <see cref="NeighborhoodDatabase.StaleRecordAge"/> go (checked every tick).</summary>
    private void DropStaleRecords()
    {
        var dropped = _db.DropStale(NeighborhoodDatabase.StaleRecordAge);
        foreach (var key in dropped)
        {
            _directory.Remove(key);
        }

        if (dropped.Count > 0)
        {
            LogStaleRecordsDropped(dropped.Count, NeighborhoodDatabase.StaleRecordAge.TotalMinutes);
        }
    }

    /// <summary>
    /// Neighborhood.md has no repair for a split mesh: a Node whose only bridge to the rest died keeps its other
    /// neighbors, never debuts again, and its part of the mesh may have no exit left (issue 14: "no at-least-3-hop
    /// route" for minutes after an exit died in a 7-Node localnet). So a Node that knows Nodes it cannot reach debuts
    /// to those it has an address for: its initial neighbors that are not full neighbors now, and unreachable Nodes whose
    /// address it learnt. The Debut is handled as any other (accepted, passed on or introduced), and the next gossip
    /// joins the parts again. Each address is tried at most once per <see cref="DebutRetryInterval"/>, doubling to
    /// <see cref="MaxHealingWait"/> while it does not help, so a dead Node is not dialled every tick.
    /// </summary>
    private async Task HealPartitionAsync(CancellationToken cancellationToken)
    {
        if (!Gossips || cancellationToken.IsCancellationRequested || _db.RootFullNeighborCount() >= NeighborhoodDatabase.MaxDegree)
        {
            return;
        }

        var reached = ReachedKeys();
        var unreachable = UnreachableKeys(reached);
        if (unreachable.Count == 0)
        {
            _healingBackoff.Clear();
            return;
        }

        var neighborIps = _db.FullNeighbors(_db.RootKey)
            .Where(record => record.Address is not null)
            .Select(record => record.Address!.Ip)
            .ToHashSet();
        var candidates = new List<(PublicKey Key, IPEndPoint Endpoint)>();
        foreach (var (key, endpoint) in _initialNeighbors)
        {
            // Its record may be unknown, beyond the gap, or stale (an old record of a Node that restarted since).
            var known = _db.FindByIp(endpoint.Address);
            if (!neighborIps.Contains(endpoint.Address) && (known is null || !reached.Contains(known.Key)))
            {
                candidates.Add((key, endpoint));
            }
        }

        foreach (var key in unreachable)
        {
            if (_db.Get(key) is { AcceptsConnections: true, Address: { Ports.Length: > 0 } address } record
                && !neighborIps.Contains(address.Ip)
                && !candidates.Any(c => c.Endpoint.Address.Equals(address.Ip)))
            {
                candidates.Add((record.Key, new IPEndPoint(address.Ip, address.Ports[0])));
            }
        }

        var now = _time.GetUtcNow();
        MessageType? debut = null;
        foreach (var (key, endpoint) in candidates)
        {
            var wait = DebutRetryInterval;
            if (_healingBackoff.TryGetValue(endpoint, out var backoff))
            {
                if (now < backoff.Next)
                {
                    continue;
                }

                wait = TimeSpan.FromTicks(Math.Min(backoff.Wait.Ticks * 2, MaxHealingWait.Ticks));
            }

            if (debut is null)
            {
                // The other part may know this Node's current record: only a newer one is taken as a Debut there.
                _db.BumpRootVersion();
                debut = _producer.ProduceDebut(_db).ToMessage();
            }

            _healingBackoff[endpoint] = (now + wait, wait);
            LogHealingDebut(endpoint, unreachable.Count);
            _traffic.Sent(debut.Encode().Length);
            await _hopper.SendNoLookupAsync(key, endpoint, debut, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Heals at once when gossip cut the root off from Nodes it reached before (a neighbor's neighbor dropped the only
    /// link towards them): a mesh that is still forming only gains links, so this does not fire while it forms.
    /// </summary>
    private async Task HealIfCutOffAsync(HashSet<PublicKey> reachedBefore, CancellationToken cancellationToken)
    {
        var reached = ReachedKeys();
        var unreachable = UnreachableKeys(reached);
        if (unreachable.Count > 0 && reachedBefore.Any(unreachable.Contains))
        {
            await HealPartitionAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The longest wait between two healing Debuts to one address.</summary>
    private static readonly TimeSpan MaxHealingWait = TimeSpan.FromMinutes(8);

    /// <summary>
    /// An exit may not list the originator as a neighbor (neighborhood.md §5), so in a small mesh a Node that neighbors
    /// every other Node has no exit at all, for example once the only Node it did not neighbor has died. Then it parts
    /// from the neighbor best placed to be an exit (the one with the most other neighbors, so that the mesh still reaches
    /// it), at most once per <see cref="PartingInterval"/>. The parted Node sees this Node's new record in gossip and parts
    /// too (GossipAcceptor), after which it qualifies as an exit.
    /// </summary>
    private void PartForAnExit()
    {
        if (_minHops < 2 || _db.RootFullNeighborCount() < 2)
        {
            return;
        }

        var now = _time.GetUtcNow();
        if (now - _lastParting < PartingInterval)
        {
            return;
        }

        var neighbors = _db.FullNeighbors(_db.RootKey).ToList();
        var neighborKeys = neighbors.Select(record => record.Key).ToHashSet();

        // Only when no exit candidate lies beyond the root's own neighbors: otherwise the mesh lacks something else.
        bool anyOtherCandidate = _db.Records.Any(record => !record.Key.Equals(_db.RootKey) && !neighborKeys.Contains(record.Key)
            && record.Inner.RoutesData && _db.FullNeighbors(record.Key).Any());
        if (anyOtherCandidate)
        {
            return;
        }

        var best = neighbors
            .Where(record => record.Inner.RoutesData && ReachableWithoutDirectLink(record.Key))
            .Select(record => (Record: record, Others: _db.FullNeighbors(record.Key).Count(other => !other.Key.Equals(_db.RootKey))))
            .OrderByDescending(candidate => candidate.Others)
            .ThenBy(candidate => candidate.Record.Key.ToString(), StringComparer.Ordinal)
            .Select(candidate => candidate.Record)
            .FirstOrDefault();
        if (best is null)
        {
            return;
        }

        _lastParting = now;
        _db.Part(best.Key, now + GossipAcceptor.PartingTime);
        LogPartedForExit(Describe(best.Key), _minHops);
        if (!_gossipPending && TryPost(new NeighborhoodMessage.FlushGossip()))
        {
            _gossipPending = true;
        }
    }

    /// <summary>
    /// Whether a simple path of at least min-hops full links leads from the root to <paramref name="exit"/> without the
    /// direct link between them (a bounded depth-first search: degrees are small and min-hops is at most a handful).
    /// </summary>
    private bool ReachableWithoutDirectLink(PublicKey exit)
    {
        var visited = new HashSet<PublicKey> { _db.RootKey };
        int budget = 20_000;
        return Search(_db.RootKey, 0);

        bool Search(PublicKey at, int hops)
        {
            if (--budget < 0 || hops > _minHops + 2)
            {
                return false;
            }

            foreach (var next in _db.FullNeighbors(at))
            {
                if (next.Key.Equals(exit))
                {
                    if (!at.Equals(_db.RootKey) && hops + 1 >= _minHops)
                    {
                        return true;
                    }

                    continue;
                }

                if (visited.Add(next.Key))
                {
                    if (Search(next.Key, hops + 1))
                    {
                        return true;
                    }

                    visited.Remove(next.Key);
                }
            }

            return false;
        }
    }

    private RouteNode? DescribeForRoute(PublicKey key)
    {
        if (_db.Get(key) is not { } record)
        {
            return null;
        }

        var endpoint = record.Address is { Ports.Length: > 0 } address ? new IPEndPoint(address.Ip, address.Ports[0]) : null;
        return new RouteNode(record.Key, endpoint, record.Inner.EarningWallet, record.Inner.RatePack);
    }

    /// <summary>After every handled message: RouteFound once a trial route exists; that also starts the payment scans.</summary>
    private void CheckConnectivity()
    {
        if (_progress.Stage == UiConnectionStage.RouteFound || FindRoute(null, TrialPayloadSize, logFailure: false) is null)
        {
            return;
        }

        LogRouteFound(_minHops);
        _progress.Advance(UiConnectionStage.RouteFound);
        _scans.StartScans();
    }

    private uint CountryUndesirability(string? country) => _exitPreferences.UndesirabilityOf(country);

    /// <summary>The exit-country rule of §5: with fallback, any exit will do while none of the chosen countries is reachable.</summary>
    private ExitCountryRule ExitRule()
    {
        var preferences = _exitPreferences;
        if (!preferences.HasPreference)
        {
            return ExitCountryRule.None;
        }

        bool anyChosenReachable = preferences.ChosenCountries.Any(c => _exitCountries.Contains(c, StringComparer.Ordinal));
        return new ExitCountryRule(true, country => preferences.IsAcceptableExit(country, anyChosenReachable));
    }

    private void RecomputeExitCountries() => _exitCountries = _selector.AvailableExitCountries(_db, _minHops);

    /// <summary>Saves the full neighbors as past neighbors when the set changed (§7).</summary>
    private void UpdatePastNeighbors()
    {
        var full = _db.FullNeighbors(_db.RootKey).ToList();
        if (full.Count == _savedFullNeighbors.Count && full.All(n => _savedFullNeighbors.Contains(n.Key)))
        {
            return;
        }

        var descriptors = full
            .Select(n => new NodeDescriptor(_settings.Chain, n.Key.Span, n.Address).ToString())
            .ToList();
        SavePastNeighbors(descriptors, [.. full.Select(n => n.Key)]);
    }

    /// <summary>
    /// Queues the save on the writer thread (saves stay in order); once stored, <paramref name="keys"/> come back to the
    /// loop as the set saved. A save that fails is logged and the set stays as it was, so the next change tries again.
    /// </summary>
    private void SavePastNeighbors(List<string> descriptors, HashSet<PublicKey> keys)
    {
        if (_state.DbPassword is not { } password)
        {
            if (!_pastNeighborsDeclinedLogged)
            {
                _pastNeighborsDeclinedLogged = true;
                LogPastNeighborsDeclined();
            }

            return;
        }

        _pastNeighborsDeclinedLogged = false;
        _ = _pastNeighborsWriter.RunAsync(() =>
        {
            try
            {
                _configuration.SetPastNeighbors(descriptors.Count == 0 ? null : descriptors, password);
                TryPost(new NeighborhoodMessage.PastNeighborsSaved(keys));
            }
            catch (PersistenceException e)
            {
                LogPastNeighborsNotSaved(e.Message);
            }
        });
    }

    private async Task HandleUiAsync(UiRequest request)
    {
        var envelope = request.Envelope;
        if (!envelope.IsConversational)
        {
            return;
        }

        UiEnvelope reply = envelope.Opcode switch
        {
            Opcodes.ConnectionStatus => envelope.Reply(new UiConnectionStatusResponse(_progress.Stage, _settings.NeighborhoodMode.ToText(), _portMapping.Summary)),
            Opcodes.NeighborhoodGraph => envelope.Reply(new UiNeighborhoodGraphResponse(NeighborhoodGraph.ToDot(_db))),
            Opcodes.ExitLocation => ExitLocation(envelope),
            _ => envelope.ErrorReply(UiErrorCodes.Unmarshal, $"The Neighborhood does not handle '{envelope.Opcode}'"),
        };
        await _outbound.SendAsync(request.ClientId, reply).ConfigureAwait(false);
    }

    private UiEnvelope ExitLocation(UiEnvelope envelope)
    {
        if (!envelope.TryGetPayload<UiExitLocationRequest>(out var request, out var problem))
        {
            return envelope.ErrorReply(UiErrorCodes.Unmarshal, problem);
        }

        var groups = request.ExitLocations
            .Select(g => new ExitCountryGroup(g.CountryCodes.Select(c => c.Trim().ToUpperInvariant()).ToList(), g.Priority))
            .ToList();
        if (!ExitCountryPreferences.TryCreate(request.FallbackRouting, groups, IpCountryTable.Load().KnownCountryCodes, out var preferences, out var error))
        {
            return envelope.ErrorReply(UiErrorCodes.Unmarshal, error);
        }

        RecomputeExitCountries();
        var requested = groups.SelectMany(g => g.CountryCodes).Distinct(StringComparer.Ordinal).ToList();
        var missing = requested.Where(c => !_exitCountries.Contains(c, StringComparer.Ordinal)).ToList();
        if (requested.Count > 0 && missing.Count == requested.Count)
        {
            return envelope.ErrorReply(
                UiErrorCodes.ExitCountryMissingCountries,
                $"None of the requested exit countries is available now: {string.Join(", ", missing)}");
        }

        _exitPreferences = preferences;
        foreach (var record in _db.Records)
        {
            record.CountryUndesirability = preferences.UndesirabilityOf(record.CountryCode);
        }

        LogExitLocation(
            groups.Count == 0 ? "any country" : string.Join(" | ", groups.OrderBy(g => g.Priority).Select(g => string.Join(",", g.CountryCodes))),
            request.FallbackRouting);
        return envelope.Reply(new UiExitLocationResponse(
            request.FallbackRouting,
            groups.Select(g => new UiCountryGroup(g.CountryCodes, g.Priority)).ToList(),
            missing,
            request.ShowCountries ? _exitCountries : null));
    }

    private static string Describe(PublicKey key) => NodeDescriptor.EncodeKey(key.Span)[..8];
}
