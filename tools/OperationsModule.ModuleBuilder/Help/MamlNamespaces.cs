using System.Xml.Linq;

namespace OperationsModule.ModuleBuilder.Help
{
    /// <summary>The XML namespaces of PowerShell's MAML help: Get-Help finds elements by these, not by prefix.</summary>
    public static class MamlNamespaces
    {
        public static readonly XNamespace Msh = "http://msh";
        public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
        public static readonly XNamespace MsHelp = "http://msdn.microsoft.com/mshelp";
    }
}
