namespace Masq.Lib.Ui.Messages;

public enum UiConnectionStage
{
    NotConnected,
    ConnectedToNeighbor,
    RouteFound,
}
