using System.Diagnostics.CodeAnalysis;
using System.Net;
using Masq.Lib.Neighborhood;
using Masq.Node.Crypto;
using Masq.Node.Neighborhood.Database;
using Masq.Node.Neighborhood.Records;
using Masq.Node.Protocol;

namespace Masq.Node.Neighborhood.Gossip;

/// <summary>
/// Applies received gossip to the database (the reference's GossipAcceptorReal, neighborhood.md §3.2–§3.3): verifies
/// every record, then tries the Debut, Pass, Introduction and Standard handlers in that order; the first that claims
/// the message decides the outcome, and anything unclassifiable or forged is a Ban. Pure: no I/O, time from the
/// <see cref="TimeProvider"/>. Owned by the Neighborhood's actor (it remembers recent pass targets); not thread-safe.
/// </summary>
internal sealed class GossipAcceptor
{
    /// <summary>A Pass to a target we were passed to this recently is a loop (PASS_GOSSIP_EXPIRED_TIME).</summary>
    public static readonly TimeSpan PassGossipExpiredTime = TimeSpan.FromSeconds(60);

    /// <summary>Remembered pass targets above which expired ones are swept, so that a flood of Passes cannot grow memory.</summary>
    private const int PassTargetSweepThreshold = 1024;

    private readonly ICryptDE _verifier;
    private readonly TimeProvider _time;
    private readonly Dictionary<IPAddress, DateTimeOffset> _passTargets = [];

    /// <param name="verifier">Any CryptDE on this Node's chain: records must verify against its chain contract.</param>
    /// <summary>How long the root keeps from taking back a neighbor that parted (or that it parted from) through gossip.</summary>
    public static readonly TimeSpan PartingTime = TimeSpan.FromMinutes(10);

    public GossipAcceptor(ICryptDE verifier, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(time);
        _verifier = verifier;
        _time = time;
    }

    /// <summary>Standard gossip keeps records within max(3, min hops) hops of the root (db_patch_size).</summary>
    public static int PatchSize(int minHops) => Math.Max(3, minHops);

    /// <summary>
    /// Handles one message from <paramref name="source"/> (the TCP peer's socket). <paramref name="isConnectionAttemptPeer"/>
    /// answers whether an IP is the current peer of one of our initial-neighbor connection attempts (a Pass there is a loop).
    /// <paramref name="countryUndesirability"/> gives a new record's exit cost for its declared country (§5); 0 when null.
    /// </summary>
    public GossipHandling Handle(
        NeighborhoodDatabase db,
        Gossip gossip,
        IPEndPoint source,
        int minHops = 3,
        Func<IPAddress, bool>? isConnectionAttemptPeer = null,
        Func<string?, uint>? countryUndesirability = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(gossip);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(minHops, 1);
        var country = countryUndesirability ?? (_ => 0);
        var sourceIp = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
        var from = new IPEndPoint(sourceIp, source.Port);

        if (Verify(db, gossip, from, out var records) is { } rejected)
        {
            return rejected;
        }

        var debut = QualifyDebut(db, records, from);
        if (debut.Kind == GossipQualificationKind.Matched)
        {
            return HandleDebut(db, records[0], from, country);
        }

        if (debut.Kind == GossipQualificationKind.Malformed)
        {
            return Ban(debut.Reason!);
        }

        var pass = QualifyPass(db, records, from);
        if (pass.Kind == GossipQualificationKind.Matched)
        {
            return HandlePass(db, records[0], from, isConnectionAttemptPeer);
        }

        if (pass.Kind == GossipQualificationKind.Malformed)
        {
            return Ban(pass.Reason!);
        }

        var introduction = QualifyIntroduction(db, records, from);
        if (introduction.Kind == GossipQualificationKind.Matched)
        {
            return HandleIntroduction(db, records, from, country);
        }

        if (introduction.Kind == GossipQualificationKind.Malformed)
        {
            return Ban(introduction.Reason!);
        }

        var standard = QualifyStandard(db, records, from);
        return standard.Kind switch
        {
            GossipQualificationKind.Matched => HandleStandard(db, records, from, PatchSize(minHops), country),
            GossipQualificationKind.Malformed => Ban(standard.Reason!),

            // The Reject handler: whatever no handler claims is unclassifiable.
            _ => Ban($"Gossip from {from} is unclassifiable"),
        };
    }

    private static GossipHandling Ban(string reason) => GossipHandling.Of(new GossipOutcome.Ban(reason));

    // ---- Pre-checks ----------------------------------------------------------------------------------------------

    /// <summary>
    /// Every record must decode (which checks the key is 64 bytes before any signature work) and verify on our chain,
    /// no key may appear twice, and none may be the root's: an honest sender never gossips the target's own record.
    /// Any failure condemns the whole message (§3.2) and, unlike the reference, bans the sender: honest Nodes never
    /// send such records, and a record signed on another chain marks a peer that cannot be our neighbor anyway.
    /// </summary>
    private GossipHandling? Verify(NeighborhoodDatabase db, Gossip gossip, IPEndPoint source, out List<VerifiedGossipRecord> records)
    {
        records = new List<VerifiedGossipRecord>(gossip.NodeRecords.Count);
        var keys = new HashSet<PublicKey>();
        for (int i = 0; i < gossip.NodeRecords.Count; i++)
        {
            var wire = gossip.NodeRecords[i];
            if (!TryKnownBytes(db, wire.Record, out var inner) && !wire.Record.TryVerify(_verifier, out inner, out var rejection))
            {
                string why = rejection == NodeRecordRejection.Undecodable ? "is undecodable (or its key is not 64 bytes)" : "has a bad signature";
                return Ban($"Gossip from {source}: record {i} {why}");
            }

            if (inner.PublicKey.Equals(db.RootKey))
            {
                return Ban($"Gossip from {source} contains a record with this Node's public key");
            }

            if (!keys.Add(inner.PublicKey))
            {
                return Ban($"Gossip from {source} contains two records for {inner.PublicKey}");
            }

            records.Add(new VerifiedGossipRecord(wire.Record, inner, wire.NodeAddr));
        }

        return null;
    }

    /// <summary>
    /// True when the database already holds exactly these bytes and signature for the record's key: they were verified
    /// when stored, so the signature check (most of the cost of a converging mesh's repeated gossip) is skipped.
    /// </summary>
    private static bool TryKnownBytes(NeighborhoodDatabase db, SignedNodeRecord record, [NotNullWhen(true)] out NodeRecordInner? inner)
    {
        inner = null;
        NodeRecordInner decoded;
        try
        {
            decoded = NodeRecordInner.Decode(record.SignedData);
        }
        catch (CoresDecodeException)
        {
            return false;
        }

        if (!db.TryGet(decoded.PublicKey, out var known) || !known.Signed.HasSameBytes(record))
        {
            return false;
        }

        inner = known.Inner;
        return true;
    }

    // ---- Debut ---------------------------------------------------------------------------------------------------

    private static GossipQualification QualifyDebut(NeighborhoodDatabase db, List<VerifiedGossipRecord> records, IPEndPoint source)
    {
        if (records.Count != 1
            || (db.TryGet(records[0].Key, out var known) && !IsRestartDebut(db, known, records[0], source) && !IsRejoinDebut(db, known, records[0], source)))
        {
            return GossipQualification.Unmatched;
        }

        var debuter = records[0];
        if (!debuter.Inner.AcceptsConnections)
        {
            return debuter.NodeAddr is null
                ? GossipQualification.Matched
                : GossipQualification.Malformed($"Debut from {source} for {debuter.Key} does not accept connections, yet contained a NodeAddr");
        }

        if (debuter.NodeAddr is null)
        {
            return GossipQualification.Malformed($"Debut from {source} for {debuter.Key} contained no NodeAddr");
        }

        if (debuter.NodeAddr.Ports.IsEmpty)
        {
            return GossipQualification.Malformed($"Debut from {source} for {debuter.Key} contained a NodeAddr with no ports");
        }

        // An accepting record elsewhere is not a Debut; it may be a Pass.
        return debuter.NodeAddr.Ip.Equals(source.Address) ? GossipQualification.Matched : GossipQualification.Unmatched;
    }

    /// <summary>
    /// A known Node debuting again after a restart: one newer record with no neighbors, from its own IP, that the root
    /// no longer lists. The reference classes it as Standard gossip, where it cannot make the sender a neighbor again
    /// once its address was forgotten with its link, so a restarted Node could never rejoin its old neighbors. Handled as
    /// a Debut, it is answered like any newcomer. The version rule still holds (strictly newer, same rate pack, same
    /// address if one is known).
    /// </summary>
    private static bool IsRestartDebut(NeighborhoodDatabase db, NodeRecord known, VerifiedGossipRecord debuter, IPEndPoint source) =>
        debuter.Inner.Neighbors.IsEmpty
        && !db.Root.ListsNeighbor(debuter.Key)
        && (debuter.NodeAddr is null || debuter.NodeAddr.Ip.Equals(source.Address))
        && RecordUpdateRule.Check(known.Inner, known.Address, debuter.Inner, debuter.NodeAddr) == RecordUpdateVerdict.Replace;

    /// <summary>
    /// A known Node that still has neighbors debuting again: one newer record of the sender itself, from its own IP,
    /// that the root does not list and has not parted from. A Node whose part of the mesh was cut off from the rest
    /// (the only Node between them died) sends this to Nodes of the other part it has an address for (the
    /// Neighborhood's partition healing). As Standard gossip it would be dropped (the sender lies outside the root's
    /// patch), so the parts would stay apart; as a Debut it is accepted, redirected or passed on like any other.
    /// </summary>
    private static bool IsRejoinDebut(NeighborhoodDatabase db, NodeRecord known, VerifiedGossipRecord debuter, IPEndPoint source) =>
        !debuter.Inner.Neighbors.IsEmpty
        && !db.Root.ListsNeighbor(debuter.Key)
        && !db.IsParted(debuter.Key)
        && debuter.NodeAddr is { } address && address.Ip.Equals(source.Address)
        && RecordUpdateRule.Check(known.Inner, known.Address, debuter.Inner, debuter.NodeAddr) == RecordUpdateVerdict.Replace;

    private GossipHandling HandleDebut(NeighborhoodDatabase db, VerifiedGossipRecord debuter, IPEndPoint source, Func<string?, uint> country)
    {
        // A Node that accepts no connections is reachable only over the connection it opened: remember that socket.
        var address = debuter.NodeAddr ?? SocketAddr(source);
        var excluded = new HashSet<PublicKey>(debuter.Inner.Neighbors) { debuter.Key };

        // 1. Redirect to a less connected full neighbor, ignoring those with degree ≤ 2 (they fill up by themselves).
        // Not a Node this Node knows already (restarted, or rejoining across a split mesh): accepted at once, it joins
        // in one round trip instead of a chain of redirections while its part of the mesh has no route.
        var redirect = AcceptingNeighborsByDegree(db, db.FullNeighbors(db.RootKey), excluded)
            .SkipWhile(candidate => candidate.Degree <= 2)
            .FirstOrDefault();
        if (redirect.Record is not null && redirect.Degree < db.Degree(db.RootKey) && !db.Contains(debuter.Key))
        {
            return GossipHandling.Of(new GossipOutcome.Reply(PassGossip(redirect.Record), debuter.Key, address));
        }

        // 2. Accept while below MaxDegree (only full, accepting neighbors count, so stalled ones do not block this).
        if (db.Degree(db.RootKey) < NeighborhoodDatabase.MaxDegree)
        {
            if (db.TryGet(debuter.Key, out var restarted))
            {
                restarted.Replace(debuter.Signed, debuter.Inner, _time.GetUtcNow());
                restarted.Address = address;
            }
            else
            {
                db.Add(NewRecord(debuter, address, country));
            }

            db.AddRootNeighbor(debuter.Key);
            if (!debuter.Inner.Neighbors.IsEmpty)
            {
                // It already has a neighbor: it is answering someone's Introduction, so no further Introduction.
                return GossipHandling.Of(GossipOutcome.Accepted.Instance);
            }

            // A full neighbor if there is one; else a half one. Nodes that debut here at the same moment (a new mesh,
            // every Node started at once) find no full neighbor yet: without this they all hang off this Node alone,
            // and its death would leave each of them cut off with no address of the others to debut to (addresses go
            // only to neighbors, GossipProducer).
            var introducee = AcceptingNeighborsByDegree(db, db.FullNeighbors(db.RootKey), excluded).FirstOrDefault();
            if (introducee.Record is null)
            {
                introducee = AcceptingNeighborsByDegree(db, db.HalfNeighbors(db.RootKey), excluded).FirstOrDefault();
            }

            var reply = introducee.Record is null
                ? GossipProducer.Debut(db)
                : new Gossip([RevealedRoot(db), new GossipNodeRecord(introducee.Record.Signed, introducee.Record.Address)]);
            return GossipHandling.Of(new GossipOutcome.Reply(reply, debuter.Key, address));
        }

        // 3. Full: pass it to the least connected (half) neighbor it does not know already.
        var pass = AcceptingNeighborsByDegree(db, db.HalfNeighbors(db.RootKey), excluded).FirstOrDefault();
        return pass.Record is null
            ? GossipHandling.Of(new GossipOutcome.Failed(GossipFailureKind.NoSuitableNeighbors, debuter.Key, address))
            : GossipHandling.Of(new GossipOutcome.Reply(PassGossip(pass.Record), debuter.Key, address));
    }

    /// <summary>
    /// Candidates for a Pass or an Introduction, least degree first (ties by key, for determinism). Only accepting
    /// Nodes whose NodeAddr has ports qualify: anything else would go out without a usable address and be Malformed
    /// for the receiver (the reference's §10 pitfall).
    /// </summary>
    private static List<(NodeRecord Record, int Degree)> AcceptingNeighborsByDegree(
        NeighborhoodDatabase db, IEnumerable<NodeRecord> neighbors, HashSet<PublicKey> excluded) =>
        neighbors
            .Where(record => record.AcceptsConnections && record.Address is { Ports.IsEmpty: false } && !excluded.Contains(record.Key))
            .Select(record => (Record: record, Degree: db.Degree(record.Key)))
            .OrderBy(candidate => candidate.Degree)
            .ThenBy(candidate => candidate.Record.Key.ToString(), StringComparer.Ordinal)
            .ToList();

    private static Gossip PassGossip(NodeRecord target) => new([new GossipNodeRecord(target.Signed, target.Address)]);

    private static GossipNodeRecord RevealedRoot(NeighborhoodDatabase db) =>
        new(db.Root.Signed, db.Root.AcceptsConnections ? db.Root.Address : null);

    private static NodeAddr SocketAddr(IPEndPoint source) =>
        new(source.Address, source.Port is >= NodeAddr.MinPort and <= NodeAddr.MaxPort ? [source.Port] : []);

    // ---- Pass ----------------------------------------------------------------------------------------------------

    private static GossipQualification QualifyPass(NeighborhoodDatabase db, List<VerifiedGossipRecord> records, IPEndPoint source)
    {
        if (records.Count != 1)
        {
            return GossipQualification.Unmatched;
        }

        var target = records[0];
        if (target.NodeAddr is null)
        {
            // Deviation: a known key alone without a NodeAddr is a non-accepting neighbor's Standard gossip about
            // itself (its address is never revealed), not a broken Pass; let the Standard handler have it.
            return db.Contains(target.Key)
                ? GossipQualification.Unmatched
                : GossipQualification.Malformed($"Pass from {source} to {target.Key} did not contain a NodeAddr");
        }

        if (target.NodeAddr.Ports.IsEmpty)
        {
            return GossipQualification.Malformed($"Pass from {source} to {target.Key} at {target.NodeAddr.Ip} contained no ports");
        }

        return target.NodeAddr.Ip.Equals(source.Address) ? GossipQualification.Unmatched : GossipQualification.Matched;
    }

    private GossipHandling HandlePass(NeighborhoodDatabase db, VerifiedGossipRecord target, IPEndPoint source, Func<IPAddress, bool>? isConnectionAttemptPeer)
    {
        var address = target.NodeAddr!;
        var now = _time.GetUtcNow();
        SweepPassTargets(now);
        bool recent = _passTargets.TryGetValue(address.Ip, out var seen) && now - seen <= PassGossipExpiredTime;
        _passTargets[address.Ip] = now;
        if (recent || (isConnectionAttemptPeer?.Invoke(address.Ip) ?? false))
        {
            return new GossipHandling(GossipOutcome.Ignored.Instance, [new PassLoopFound(source.Address, address.Ip)]);
        }

        // The target is not added to the database: we only debut to it.
        return new GossipHandling(
            new GossipOutcome.Reply(GossipProducer.Debut(db), target.Key, address),
            [new PassGossipReceived(source.Address, address.Ip)]);
    }

    private void SweepPassTargets(DateTimeOffset now)
    {
        if (_passTargets.Count < PassTargetSweepThreshold)
        {
            return;
        }

        foreach (var expired in _passTargets.Where(pair => now - pair.Value > PassGossipExpiredTime).Select(pair => pair.Key).ToList())
        {
            _passTargets.Remove(expired);
        }
    }

    // ---- Introduction --------------------------------------------------------------------------------------------

    private static GossipQualification QualifyIntroduction(NeighborhoodDatabase db, List<VerifiedGossipRecord> records, IPEndPoint source)
    {
        if (records.Count != 2 || records[0].NodeAddr is null || records[1].NodeAddr is null)
        {
            return GossipQualification.Unmatched;
        }

        bool firstAtSource = records[0].NodeAddr!.Ip.Equals(source.Address);
        bool secondAtSource = records[1].NodeAddr!.Ip.Equals(source.Address);
        if (firstAtSource == secondAtSource)
        {
            return GossipQualification.Malformed(firstAtSource
                ? $"Introduction from {source} has both records at the source IP"
                : $"Introduction from {source} has neither record at the source IP");
        }

        var (introducer, introducee) = firstAtSource ? (records[0], records[1]) : (records[1], records[0]);
        var rootIp = db.Root.Address?.Ip;
        if (introducer.NodeAddr!.Ports.IsEmpty)
        {
            return GossipQualification.Malformed($"Introduction from {source}: introducer {introducer.Key} has no ports");
        }

        if (rootIp is not null && introducer.NodeAddr.Ip.Equals(rootIp))
        {
            return GossipQualification.Malformed($"Introduction from {source}: introducer {introducer.Key} claims this Node's IP");
        }

        if (introducee.NodeAddr!.Ports.IsEmpty)
        {
            return GossipQualification.Malformed($"Introduction from {source}: introducee {introducee.Key} has no ports");
        }

        if (rootIp is not null && introducee.NodeAddr.Ip.Equals(rootIp))
        {
            return GossipQualification.Malformed($"Introduction from {source}: introducee {introducee.Key} claims this Node's IP");
        }

        return db.Contains(introducee.Key) ? GossipQualification.Unmatched : GossipQualification.Matched;
    }

    private GossipHandling HandleIntroduction(NeighborhoodDatabase db, List<VerifiedGossipRecord> records, IPEndPoint source, Func<string?, uint> country)
    {
        if (db.RootFullNeighborCount() >= NeighborhoodDatabase.MaxDegree)
        {
            return GossipHandling.Of(GossipOutcome.Ignored.Instance);
        }

        bool firstAtSource = records[0].NodeAddr!.Ip.Equals(source.Address);
        var (introducer, introducee) = firstAtSource ? (records[0], records[1]) : (records[1], records[0]);
        if (db.TryGet(introducer.Key, out var known))
        {
            var verdict = RecordUpdateRule.Check(known.Inner, known.Address, introducer.Inner, introducer.NodeAddr);
            if (verdict is RecordUpdateVerdict.RatePackChanged or RecordUpdateVerdict.NodeAddrChanged)
            {
                return Ban($"Introducer {introducer.Key} from {source} tried changing an immutable characteristic: {verdict}");
            }

            if (verdict == RecordUpdateVerdict.Replace)
            {
                known.Replace(introducer.Signed, introducer.Inner, _time.GetUtcNow());
            }

            // Its address is the authenticated source IP: fill it in if we only knew the key.
            known.Address ??= introducer.NodeAddr;
        }
        else
        {
            db.Add(NewRecord(introducer, introducer.NodeAddr, country));
        }

        db.AddRootNeighbor(introducer.Key);
        var introduceeAddress = introducee.NodeAddr!;
        return new GossipHandling(
            new GossipOutcome.Reply(GossipProducer.Debut(db), introducee.Key, introduceeAddress),
            [new IntroductionGossipReceived(source.Address, introduceeAddress.Ip)]);
    }

    // ---- Standard ------------------------------------------------------------------------------------------------

    private static GossipQualification QualifyStandard(NeighborhoodDatabase db, List<VerifiedGossipRecord> records, IPEndPoint source)
    {
        var rootIp = db.Root.AcceptsConnections ? db.Root.Address?.Ip : null;
        var ips = new HashSet<IPAddress>();
        foreach (var record in records)
        {
            if (record.NodeAddr is not { } address)
            {
                continue;
            }

            if (rootIp is not null && address.Ip.Equals(rootIp))
            {
                return GossipQualification.Malformed($"Standard gossip from {source} contains a record claiming that {record.Key} has this Node's IP");
            }

            if (!ips.Add(address.Ip))
            {
                return GossipQualification.Malformed($"Standard gossip from {source} contains multiple records claiming to be at {address.Ip}");
            }
        }

        return GossipQualification.Matched;
    }

    /// <summary>
    /// A Node behind a router whose public address changed gossips its own record, newer, at the new address. The
    /// address is outside the signature, so only the Node itself is believed: the gossip comes over its link from the
    /// old address or from the new one, and no other Node this Node knows is at that address (its gossip would be that
    /// Node's, which could put a record it relays at its own IP). Anyone else's changed address for a known Node is left
    /// out (not banned: it may be passing on a real move).
    /// </summary>
    private static bool MovedItself(NeighborhoodDatabase db, NodeRecord known, VerifiedGossipRecord record, IPEndPoint source) =>
        record.NodeAddr is { Ports.Length: > 0 } moved && known.Address is { } old
        && (old.Ip.Equals(source.Address) || moved.Ip.Equals(source.Address))
        && !db.Records.Any(other => !other.Key.Equals(known.Key) && !other.Key.Equals(db.RootKey) && other.Address is { } at && at.Ip.Equals(source.Address));

    private GossipHandling HandleStandard(NeighborhoodDatabase db, List<VerifiedGossipRecord> records, IPEndPoint source, int patchSize, Func<string?, uint> country)
    {
        bool wasFull = SenderIsFullNeighbor(db, source);
        var patch = ComputePatch(db, records, patchSize);

        // The sender's own record, at the source IP, listing a neighbor of the root: an introduced Node's Debut to an
        // introducee that already knows it (the common introducer's gossip came first: a known key is no Debut). Outside
        // the patch it "had nothing new", so the introducee never took the Node as a neighbor; Nodes started together
        // formed a star around their introducer that way, cut apart by its death (NatMeshTests). It is two hops away,
        // through that neighbor, so it belongs in the patch.
        if (records.FirstOrDefault(record => record.NodeAddr is { } at && at.Ip.Equals(source.Address)) is { } own
            && own.Inner.Neighbors.Any(db.Root.ListsNeighbor))
        {
            patch.Add(own.Key);
        }

        var inPatch = records.Where(record => patch.Contains(record.Key)).ToList();

        // Check every update before changing anything, so that a Ban leaves the database as it was.
        var updates = new List<(NodeRecord Known, VerifiedGossipRecord Incoming)>();
        var additions = new List<VerifiedGossipRecord>();
        var addressFills = new List<(NodeRecord Known, NodeAddr Address)>();
        var moves = new List<(NodeRecord Known, VerifiedGossipRecord Incoming)>();
        var claims = new List<VerifiedGossipRecord>();
        foreach (var record in inPatch)
        {
            if (db.TryGet(record.Key, out var known))
            {
                var verdict = RecordUpdateRule.Check(known.Inner, known.Address, record.Inner, record.NodeAddr);
                if (verdict == RecordUpdateVerdict.NodeAddrChanged && MovedItself(db, known, record, source))
                {
                    moves.Add((known, record));
                }
                else if (verdict == RecordUpdateVerdict.NodeAddrChanged)
                {
                    // A newer record of a third Node at another address: that Node may have moved (its router's public
                    // IP changed) and the sender passes on what it believed from it. The address is outside the
                    // signature, so it is not taken from anyone but the Node itself; nor is an honest relay banned for
                    // it. The record is left out: the known one, at the known address, stays until the Node gossips here
                    // or a link at the claimed address proves the Node's key (the claim goes to the actor to check).
                    if (record.NodeAddr is { Ports.Length: > 0 })
                    {
                        claims.Add(record);
                    }
                }
                else if (verdict == RecordUpdateVerdict.RatePackChanged)
                {
                    return Ban($"Standard gossip from {source} tried changing an immutable characteristic of {record.Key}: {verdict}");
                }
                else if (verdict == RecordUpdateVerdict.Replace)
                {
                    updates.Add((known, record));
                }
                else if (known.Address is null && record.NodeAddr is { } revealed && revealed.Ip.Equals(source.Address))
                {
                    // The sender's own address, for a record first learnt by key alone from a third party's gossip
                    // (which hides it): the TCP source authenticates the IP, as for an introducer. Without it the sender
                    // is never found by IP below, so an introduced Node whose introducer's gossip arrived before the
                    // introducee's own (same version) never took the introducee as a neighbor.
                    addressFills.Add((known, revealed));
                }
            }
            else if (record.NodeAddr is null
                || (record.NodeAddr.Ip.Equals(source.Address)
                    && (record.NodeAddr.Ports.Contains(source.Port) || record.Inner.Neighbors.Contains(db.RootKey))))
            {
                // At the sender's IP, the exact socket is not needed when the record lists the root: a Node that took
                // our Debut (after an Introduction) answers with Standard gossip over a link it opened, from an
                // ephemeral port, so it is never at the exact source socket; the TCP source authenticates the IP.
                additions.Add(record);
            }

            // Otherwise a new key with a third party's IP: dropped, not banned. The sender's own view of its
            // neighbors' addresses is not proof of forgery, and a ban here would punish honest relays of stale data.
        }

        var now = _time.GetUtcNow();
        foreach (var record in additions)
        {
            db.Add(NewRecord(record, record.NodeAddr, country));
        }

        // Neighborship is mutual: a neighbor whose newer record no longer lists the root has ended it (its link died, or it
        // parted to become reachable as an exit), so the root ends it too, and does not take it back from its gossip for a
        // while. Otherwise the root's one-sided listing keeps it out of the root's routes as an exit for good.
        var partedFrom = new List<PublicKey>();
        var suspects = new HashSet<PublicKey>();
        foreach (var (known, incoming) in updates)
        {
            if (EndsNeighborship(db, known, incoming.Inner))
            {
                partedFrom.Add(known.Key);
            }

            foreach (var dropped in known.Inner.Neighbors)
            {
                if (!dropped.Equals(db.RootKey) && !incoming.Inner.Neighbors.Contains(dropped) && db.Root.ListsNeighbor(dropped))
                {
                    suspects.Add(dropped);
                }
            }

            known.Replace(incoming.Signed, incoming.Inner, now);
            known.Address ??= incoming.NodeAddr;
        }

        foreach (var key in partedFrom)
        {
            db.Part(key, now + PartingTime);
        }

        foreach (var (known, address) in addressFills)
        {
            known.Address ??= address;
        }

        foreach (var (known, incoming) in moves)
        {
            known.Replace(incoming.Signed, incoming.Inner, now);
            known.Address = incoming.NodeAddr;
        }

        bool changed = additions.Count > 0 || updates.Count > 0 || addressFills.Count > 0 || moves.Count > 0;
        if (FindSender(db, source) is { } sender
            && !db.Root.ListsNeighbor(sender.Key)
            && !db.IsParted(sender.Key)
            && db.RootFullNeighborCount() < NeighborhoodDatabase.MaxDegree)
        {
            changed |= db.AddRootNeighbor(sender.Key);
        }

        IReadOnlyList<ConnectionProgressEvent> events = !wasFull && SenderIsFullNeighbor(db, source)
            ? [new StandardGossipReceived(source.Address)]
            : [];
        suspects.ExceptWith(partedFrom);
        return new GossipHandling(changed ? GossipOutcome.Accepted.Instance : GossipOutcome.Ignored.Instance, events)
        {
            PartedFrom = partedFrom,
            Suspects = [.. suspects],
            AddressClaims = claims,
        };
    }

    /// <summary>
    /// A third party's claim that a known Node moved (<see cref="GossipHandling.AddressClaims"/>), once a link at the
    /// claimed address proved the Node's key: the newer record and its address replace the known ones. Returns false
    /// when there is nothing to change any more (the Node gossiped the move itself, or an even newer record came);
    /// <paramref name="parted"/> says the newer record no longer lists the root, which then ends the neighborship too.
    /// </summary>
    public static bool ApplyProvenMove(NeighborhoodDatabase db, VerifiedGossipRecord claim, DateTimeOffset now, out bool parted)
    {
        parted = false;
        if (claim.NodeAddr is not { } address || !db.TryGet(claim.Key, out var known))
        {
            return false;
        }

        if (RecordUpdateRule.Check(known.Inner, null, claim.Inner, address) != RecordUpdateVerdict.Replace)
        {
            // Not newer: the same version only gets the proven address if it still has another.
            if (known.Inner.Version != claim.Inner.Version || address.Equals(known.Address))
            {
                return false;
            }

            known.Address = address;
            return true;
        }

        if (EndsNeighborship(db, known, claim.Inner))
        {
            db.Part(known.Key, now + PartingTime);
            parted = true;
        }

        known.Replace(claim.Signed, claim.Inner, now);
        known.Address = address;
        return true;
    }

    /// <summary>
    /// Whether <paramref name="newer"/>, a newer record of the root's neighbor <paramref name="known"/>, ends the
    /// neighborship: the old record listed the root, the newer one does not, and the root still lists it.
    /// </summary>
    private static bool EndsNeighborship(NeighborhoodDatabase db, NodeRecord known, NodeRecordInner newer) =>
        known.Inner.Neighbors.Contains(db.RootKey) && !newer.Neighbors.Contains(db.RootKey) && db.Root.ListsNeighbor(known.Key);

    /// <summary>
    /// Keys within <paramref name="patchSize"/> hops of the root, breadth first (§3.3, §10: the reference's depth-first walk
    /// can miss nodes reached by a shorter path later). The root's neighbors come from our database, everyone else's
    /// from the records inside the gossip.
    /// </summary>
    private static HashSet<PublicKey> ComputePatch(NeighborhoodDatabase db, List<VerifiedGossipRecord> records, int patchSize)
    {
        var byKey = records.ToDictionary(record => record.Key, record => record.Inner);
        var depth = new Dictionary<PublicKey, int> { [db.RootKey] = 0 };
        var queue = new Queue<PublicKey>();
        queue.Enqueue(db.RootKey);
        while (queue.TryDequeue(out var key))
        {
            int hops = depth[key];
            if (hops == patchSize)
            {
                continue;
            }

            var neighbors = key.Equals(db.RootKey) ? db.Root.Inner.Neighbors
                : byKey.TryGetValue(key, out var inner) ? inner.Neighbors
                : [];
            foreach (var neighbor in neighbors)
            {
                if (depth.TryAdd(neighbor, hops + 1))
                {
                    queue.Enqueue(neighbor);
                }
            }
        }

        return [.. depth.Keys];
    }

    /// <summary>The known Node at the source IP, preferring one whose NodeAddr lists the exact source port.</summary>
    private static NodeRecord? FindSender(NeighborhoodDatabase db, IPEndPoint source)
    {
        NodeRecord? byIp = null;
        foreach (var record in db.Records)
        {
            if (record.Key.Equals(db.RootKey) || record.Address is not { } address || !address.Ip.Equals(source.Address))
            {
                continue;
            }

            if (address.Ports.Contains(source.Port))
            {
                return record;
            }

            byIp ??= record;
        }

        return byIp;
    }

    private static bool SenderIsFullNeighbor(NeighborhoodDatabase db, IPEndPoint source) =>
        FindSender(db, source) is { } sender && db.HasFullNeighbor(db.RootKey, sender.Key);

    private NodeRecord NewRecord(VerifiedGossipRecord record, NodeAddr? address, Func<string?, uint> country) =>
        new(record.Signed, record.Inner, address, _time.GetUtcNow())
        {
            CountryUndesirability = country(record.Inner.CountryCode),
        };
}
