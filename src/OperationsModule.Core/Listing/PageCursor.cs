namespace OperationsModule.Core.Listing
{
    /// <summary>Which page to ask for: the first (as the server pages by default), a page token, or a page number.</summary>
    internal sealed class PageCursor
    {
        public static readonly PageCursor First = new PageCursor(null, null);

        private PageCursor(string? token, long? number)
        {
            Token = token;
            Number = number;
        }

        public static PageCursor ForToken(string token) => new PageCursor(token, null);

        public static PageCursor ForNumber(long number) => new PageCursor(null, number);

        public bool IsFirst => Token is null && Number is null;

        public string? Token { get; }

        public long? Number { get; }

        public override string ToString() => IsFirst ? "first page" : Token is not null ? $"page token '{Token}'" : $"page {Number}";
    }
}
