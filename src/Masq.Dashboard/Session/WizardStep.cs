namespace Masq.Dashboard.Session;

public enum WizardStep
{
    Mode,
    Password,
    Blockchain,
    Start,
    Wallets,
    Finish,
}
