using System;
using System.Collections.Generic;
using System.Text.Json;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;

namespace OperationsModule.Core.Listing
{
    /// <summary>
    /// How one read or list call takes its JSON answer: a failure status becomes the vendor's error (through the
    /// system's parser), and a 200 that is not the documented shape becomes one UnexpectedResponse failure naming the
    /// shape expected, never a parser exception. What differs per system (the field names, the item mapping, the
    /// paging fields) is passed in.
    /// </summary>
    internal sealed class JsonAnswer
    {
        private readonly string _failed;
        private readonly IErrorBodyParser _errorParser;
        private readonly string _expected;
        private readonly string _advice;

        /// <param name="failed">The start of every failure's message ("Listing VCF tasks failed").</param>
        /// <param name="errorParser">Reads the vendor's error body of a failure status.</param>
        /// <param name="expected">The documented shape, for a 200 that is not it ("a Task (an object with an id)").</param>
        /// <param name="advice">The recommended action for an answer of the wrong shape (usually: -BaseUri points elsewhere).</param>
        public JsonAnswer(string failed, IErrorBodyParser errorParser, string expected, string advice)
        {
            _failed = failed;
            _errorParser = errorParser;
            _expected = expected;
            _advice = advice;
        }

        /// <summary>The item <paramref name="read"/> makes of a 200 answer's root; it returns null when the root is not one.</summary>
        public TItem ReadObject<TItem>(ApiRequest request, ApiResponse response, Func<JsonElement, TItem?> read)
            where TItem : class
        {
            ThrowIfFailed(request, response);
            return ReadRoot(request, response, read);
        }

        /// <summary>As <see cref="ReadObject{TItem}"/>, for an answer whose status the caller has already judged a success.</summary>
        public TItem ReadRoot<TItem>(ApiRequest request, ApiResponse response, Func<JsonElement, TItem?> read)
            where TItem : class =>
            Parse(request, response, root => read(root) ?? throw NotExpected(request, response));

        /// <summary>
        /// A page whose items are the array <paramref name="arrayName"/> of the answer's root object, each made by
        /// <paramref name="readItem"/> (null: not an item, so not the page shape); <paramref name="readPaging"/> reads
        /// the paging fields of the root onto the page.
        /// </summary>
        public Page<TItem> ReadPage<TItem>(ApiRequest request, ApiResponse response, string arrayName, Func<JsonElement, TItem?> readItem, Action<JsonElement, Page<TItem>> readPaging)
            where TItem : class
        {
            ThrowIfFailed(request, response);
            return Parse(request, response, root =>
            {
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(arrayName, out var array))
                    throw NotExpected(request, response);
                var page = new Page<TItem>(Items(request, response, array, readItem));
                readPaging(root, page);
                return page;
            });
        }

        /// <summary>The items of an answer whose root is the array itself (a list the server does not page).</summary>
        public IReadOnlyList<TItem> ReadArray<TItem>(ApiRequest request, ApiResponse response, Func<JsonElement, TItem?> readItem)
            where TItem : class
        {
            ThrowIfFailed(request, response);
            return Parse(request, response, root => Items(request, response, root, readItem));
        }

        /// <summary>Throws the vendor's error for any status but 200.</summary>
        private void ThrowIfFailed(ApiRequest request, ApiResponse response)
        {
            if (response.StatusCode != 200) throw FailureBuilder.FromResponse(request, response, _errorParser, _failed);
        }

        private TResult Parse<TResult>(ApiRequest request, ApiResponse response, Func<JsonElement, TResult> read)
        {
            try
            {
                using var document = JsonDocument.Parse(response.Body);
                return read(document.RootElement);
            }
            catch (JsonException)
            {
                throw NotJson(request, response);
            }
        }

        private List<TItem> Items<TItem>(ApiRequest request, ApiResponse response, JsonElement array, Func<JsonElement, TItem?> readItem)
            where TItem : class
        {
            if (array.ValueKind != JsonValueKind.Array) throw NotExpected(request, response);
            var items = new List<TItem>(array.GetArrayLength());
            foreach (var element in array.EnumerateArray())
                items.Add(readItem(element) ?? throw NotExpected(request, response));
            return items;
        }

        /// <summary>A JSON answer of another shape. The body is described by its shape only: it may be a login page echoing a secret.</summary>
        private OperationsApiException NotExpected(ApiRequest request, ApiResponse response) =>
            FailureBuilder.UnexpectedShape(
                $"{_failed}: {request.Describe()} answered {response.StatusCode} with {BodyShape.Describe(response.Body)}, not {_expected}.",
                request, response, _advice);

        private OperationsApiException NotJson(ApiRequest request, ApiResponse response) =>
            FailureBuilder.UnexpectedShape(
                $"{_failed}: {request.Describe()} answered {response.StatusCode} with {BodyShape.Describe(response.Body)}, not JSON ({_expected}).",
                request, response, _advice);
    }
}
