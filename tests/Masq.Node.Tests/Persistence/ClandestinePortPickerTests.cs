using System.Net;
using System.Net.Sockets;
using Masq.Node.Persistence;

namespace Masq.Node.Tests.Persistence;

public sealed class ClandestinePortPickerTests
{
    [Fact]
    public void Picks_bindable_ports_in_range()
    {
        var picker = new ClandestinePortPicker(new Random(7));

        for (var i = 0; i < 20; i++)
        {
            var port = picker.PickFreePort();

            Assert.InRange(port, (ushort)1025, (ushort)9998);
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            listener.Stop();
        }
    }

    [Fact]
    public void Skips_a_port_that_is_in_use()
    {
        const int seed = 12345;
        var firstChoice = new Random(seed).Next(ClandestinePortPicker.LowestPort, ClandestinePortPicker.HighestPort + 1);
        using var occupier = new TcpListener(IPAddress.Any, firstChoice);
        try
        {
            occupier.Start();
        }
        catch (SocketException)
        {
            // Already taken by someone else: it is occupied either way.
        }

        try
        {
            var port = new ClandestinePortPicker(new Random(seed)).PickFreePort();

            Assert.NotEqual(firstChoice, port);
            Assert.InRange(port, (ushort)1025, (ushort)9998);
        }
        finally
        {
            occupier.Stop();
        }
    }
}
