//! Disjoint sets (union-find) over indices, with the smallest index of each
//! set as its root, so groups keep the order of their first member.

/// Disjoint sets over `0..n`.
#[derive(Clone, Debug)]
pub struct DisjointSets(Vec<usize>);

impl DisjointSets {
    /// `n` singleton sets.
    pub fn new(n: usize) -> DisjointSets {
        DisjointSets((0..n).collect())
    }

    /// The root of `x`'s set (the smallest index in it), compressing the path.
    pub fn find(&mut self, x: usize) -> usize {
        let mut root = x;
        while self.0[root] != root {
            root = self.0[root];
        }
        let mut x = x;
        while self.0[x] != root {
            let next = self.0[x];
            self.0[x] = root;
            x = next;
        }
        root
    }

    /// Joins the sets of `a` and `b`.
    pub fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}
