namespace Masq.Dashboard.State;

/// <summary>The parts of <see cref="NodeStateStore"/> a component can watch.</summary>
[Flags]
public enum StoreArea
{
    None = 0,
    Daemon = 1,
    Node = 2,
    Setup = 4,
    Connection = 8,
    Financials = 16,
    Logs = 32,
    Traffic = 64,
    Notices = 128,
    Neighborhood = 256,
    All = Daemon | Node | Setup | Connection | Financials | Logs | Traffic | Notices | Neighborhood,
}
