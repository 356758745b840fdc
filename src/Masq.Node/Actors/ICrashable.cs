namespace Masq.Node.Actors;

/// <summary>An actor that the <c>crash</c> test hook can make fail.</summary>
internal interface ICrashable
{
    string Key { get; }

    void Crash(string panicMessage);
}
