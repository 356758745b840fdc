using System.Text;

namespace Masq.Daemon.Launcher;

/// <summary>Keeps the last few KiB a child writes to stderr while passing every line on.</summary>
internal sealed class StderrTail(int capacity = 4096)
{
    private readonly StringBuilder _tail = new();
    private readonly Lock _lock = new();

    public void Append(string line)
    {
        lock (_lock)
        {
            _tail.Append(line).Append('\n');
            if (_tail.Length > capacity)
            {
                _tail.Remove(0, _tail.Length - capacity);
            }
        }
    }

    public override string ToString()
    {
        lock (_lock)
        {
            return _tail.ToString().TrimEnd('\n');
        }
    }
}
