package reader

// cache keeps the latest renderings, forgetting the oldest beyond
// cacheSize. It is shared by the copies of a Model, which Bubble Tea passes
// by value, and used only from Update.
type cache struct {
	entries map[renderKey]Rendered
	order   []renderKey
}

// newCache returns an empty cache.
func newCache() *cache {
	return &cache{entries: map[renderKey]Rendered{}}
}

// get returns the rendering stored under k.
func (c *cache) get(k renderKey) (Rendered, bool) {
	r, ok := c.entries[k]
	return r, ok
}

// put stores a rendering, evicting the oldest when full.
func (c *cache) put(k renderKey, r Rendered) {
	if _, ok := c.entries[k]; !ok {
		c.order = append(c.order, k)
	}
	c.entries[k] = r
	for len(c.order) > cacheSize {
		delete(c.entries, c.order[0])
		c.order = c.order[1:]
	}
}
