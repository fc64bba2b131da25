/// Every item of a cursor-paginated list, page after page, fetched as the caller iterates.
public struct PageSequence<Page: Sendable, Item: Sendable>: AsyncSequence, Sendable {
    /// One item of some page.
    public typealias Element = Item
    /// Every failure is a `SoraError`.
    public typealias Failure = SoraError

    let items: @Sendable (Page) -> [Item]
    let hasMore: @Sendable (Page) -> Bool
    let nextCursor: @Sendable (Page) -> String?
    let fetch: @Sendable (String?) async throws(SoraError) -> Page

    /// Creates a sequence over the pages `fetch(cursor)` returns; generated code calls this.
    @_spi(Generated) public init(
        items: @escaping @Sendable (Page) -> [Item], hasMore: @escaping @Sendable (Page) -> Bool,
        nextCursor: @escaping @Sendable (Page) -> String?,
        fetch: @escaping @Sendable (String?) async throws(SoraError) -> Page
    ) {
        self.items = items
        self.hasMore = hasMore
        self.nextCursor = nextCursor
        self.fetch = fetch
    }

    /// Starts at the first page.
    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(sequence: self) }

    /// Walks the pages; stops when the server says there are no more, or when a cursor would repeat.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let sequence: PageSequence
        var buffer: [Item] = []
        var index = 0
        var cursor: String?
        var seenCursors: Set<String> = []
        var exhausted = false

        /// The next item, fetching the next page when this one is used up.
        public mutating func next() async throws(SoraError) -> Item? {
            while index == buffer.count {
                guard !exhausted else { return nil }
                let page = try await sequence.fetch(cursor)
                buffer = sequence.items(page)
                index = 0
                let next = sequence.nextCursor(page)
                if sequence.hasMore(page), let next, !buffer.isEmpty, seenCursors.insert(next).inserted {
                    cursor = next
                } else {
                    exhausted = true
                }
            }
            defer { index += 1 }
            return buffer[index]
        }

    }
}
