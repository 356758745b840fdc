using Masq.Node.Cells;
using Masq.Node.Links;

namespace Masq.Fuzz.Targets;

/// <summary>
/// The link's cell reader: joins the direct cells a peer sends inside its TLS link back into packages, the way a link's
/// read loop calls it (cells cut by the header's size bit, the same reader across cells, the link closed at the
/// first cell that is not a fragment).
/// </summary>
internal sealed class LinkFramerTarget : FuzzTarget
{
    public override string Name => "link-framer";

    public override string Description => "LinkCellReader.Accept over the cells of a link";

    public override void Execute(ReadOnlySpan<byte> input)
    {
        using var reader = new LinkCellReader();
        byte[] bytes = input.ToArray();
        int at = 0;
        for (int cells = 0; cells < 10_000 && at + CellFormat.HeaderLength <= input.Length; cells++)
        {
            int length = CellFormat.ReadLength(input[at..]);
            if (at + length > input.Length)
            {
                return;
            }

            var status = reader.Accept(bytes.AsMemory(at, length), out var package);
            at += length;
            if (status is not (LinkCellStatus.Partial or LinkCellStatus.Package))
            {
                return;
            }

            FuzzFinding.Check(status != LinkCellStatus.Package || package.Length <= LinkCells.MaxPackageLength, $"a package of {package.Length} bytes");
            FuzzFinding.Check(reader.Pending <= LinkCells.MaxPackageLength, $"{reader.Pending} bytes pending");
        }
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        byte[] one = Cells([1, 2, 3, 0x7b, 0x7d, 0x22], 1);
        yield return ("one-frame", one);
        yield return ("empty-frame", Cells([], 1));
        yield return ("two-frames", [.. one, .. Cells(new byte[200], 2)]);
        yield return ("split", Cells(new byte[40_000], 1));
    }

    private static byte[] Cells(byte[] package, ulong counter)
    {
        var buffer = new byte[CellFormat.LargeLength];
        var bytes = new List<byte>();
        int sent = 0;
        do
        {
            int length = LinkCells.WriteNext(package.AsSpan(sent), buffer, counter++, out int taken);
            sent += taken;
            bytes.AddRange(buffer.AsSpan(0, length).ToArray());
        }
        while (sent < package.Length);
        return [.. bytes];
    }
}
