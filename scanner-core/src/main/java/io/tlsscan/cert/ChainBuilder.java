package io.tlsscan.cert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds certification paths from the leaf and keeps the one that validates: at each step every
 * trust anchor and every sent certificate (in any order, extra ones ignored) whose name and key
 * issued the current certificate is a candidate, and the search backtracks over them until a path
 * passes {@link PathChecks}. So a chain whose first path is forbidden (an expired cross-signed
 * root, a constrained intermediate) but which has a valid alternative is trusted, as browsers
 * trust it.
 *
 * <p>When no path is valid, the one reported is an anchored path with the fewest problems, else
 * the first dead end found (an untrusted root, a missing issuer, a bad signature, a loop).
 *
 * <p>Bounded against hostile chains: at most {@value #MAX_CANDIDATES} candidates per step, {@value
 * #MAX_STEPS} certificates visited and {@value #MAX_PATHS} complete paths judged per chain; a path
 * cannot be longer than the certificates sent plus an anchor. Thread-safe.
 */
final class ChainBuilder {
  /** Most issuers tried for one certificate. */
  static final int MAX_CANDIDATES = 8;

  /** Most certificates visited while searching one chain. */
  static final int MAX_STEPS = 64;

  /** Most complete paths judged for one chain. */
  static final int MAX_PATHS = 16;

  /**
   * The path chosen and its problems.
   *
   * @param path the valid path, else the best invalid one
   * @param problems empty when the path is valid
   */
  record Result(CertificatePath path, List<PathProblem> problems) {
    Result {
      problems = List.copyOf(problems);
    }
  }

  private final TrustAnchors anchors;
  private final SignatureVerifier verifier;
  private final PathChecks checks;

  ChainBuilder(TrustAnchors anchors, SignatureVerifier verifier, PathChecks checks) {
    this.anchors = anchors;
    this.verifier = verifier;
    this.checks = checks;
  }

  Result build(ParsedCertificate leaf, List<ParsedCertificate> sent, Instant now) {
    Search search = new Search(sent, now);
    search.extend(leaf);
    if (search.best == null) {
      // Unreachable while a first descent fits in the step budget; kept so a change cannot NPE.
      CertificatePath unfinished =
          new CertificatePath(List.of(leaf), new CertificatePath.Broken("path search gave up"));
      return new Result(unfinished, checks.check(unfinished, now));
    }
    return search.best;
  }

  /** One depth-first search; not thread-safe. */
  private final class Search {
    private final List<ParsedCertificate> sent;
    private final Instant now;
    private final List<ParsedCertificate> path = new ArrayList<>();
    private final Set<String> visited = new HashSet<>();
    private Result best;
    private boolean bestAnchored;
    private int steps;
    private int paths;

    Search(List<ParsedCertificate> sent, Instant now) {
      this.sent = sent;
      this.now = now;
    }

    private boolean finished() {
      return (best != null && best.problems().isEmpty()) || paths >= MAX_PATHS;
    }

    void extend(ParsedCertificate current) {
      if (finished() || steps >= MAX_STEPS) {
        return;
      }
      steps++;
      path.add(current);
      visited.add(current.sha256());
      try {
        if (path.size() == 1 && anchors.anchorFor(current).isPresent()) {
          judge(path, new CertificatePath.Anchored());
          return;
        }
        if (verifier.selfSigned(current)) {
          // A sent root that is an anchor was judged as the anchor one step down.
          if (anchors.anchorFor(current).isEmpty()) {
            judge(path, new CertificatePath.UntrustedRoot());
          }
          return;
        }
        List<ParsedCertificate> anchorIssuers = anchorIssuers(current);
        for (ParsedCertificate anchor : anchorIssuers) {
          List<ParsedCertificate> anchored = new ArrayList<>(path);
          anchored.add(anchor);
          judge(anchored, new CertificatePath.Anchored());
          if (finished()) {
            return;
          }
        }
        List<ParsedCertificate> issuers = sentIssuers(current);
        for (ParsedCertificate issuer : issuers) {
          extend(issuer);
          if (finished()) {
            return;
          }
        }
        if (issuers.isEmpty() && anchorIssuers.isEmpty()) {
          judge(path, dead(current));
        }
      } finally {
        path.remove(path.size() - 1);
        visited.remove(current.sha256());
      }
    }

    private void judge(List<ParsedCertificate> certificates, CertificatePath.End end) {
      paths++;
      CertificatePath candidate = new CertificatePath(certificates, end);
      List<PathProblem> problems = checks.check(candidate, now);
      boolean anchored = end instanceof CertificatePath.Anchored;
      boolean better =
          best == null
              || (anchored && !bestAnchored)
              || (anchored == bestAnchored && problems.size() < best.problems().size());
      if (better) {
        best = new Result(candidate, problems);
        bestAnchored = anchored;
      }
    }

    /** Trust anchors whose key verifies {@code child}, those its key id names first. */
    private List<ParsedCertificate> anchorIssuers(ParsedCertificate child) {
      return anchors.possibleIssuersOf(child).stream()
          .limit(MAX_CANDIDATES)
          .filter(anchor -> verifier.verifies(child, anchor))
          .toList();
    }

    /**
     * Sent certificates not in the path yet that issued {@code child}: those its key id names
     * first, then those valid now, then in the order sent.
     */
    private List<ParsedCertificate> sentIssuers(ParsedCertificate child) {
      return sent.stream()
          .filter(candidate -> !visited.contains(candidate.sha256()))
          .filter(candidate -> candidate.subject().equals(child.issuer()))
          .sorted(
              Comparator.comparing((ParsedCertificate c) -> !child.authorityKeyIdMatches(c))
                  .thenComparing(c -> !c.validAt(now)))
          .limit(MAX_CANDIDATES)
          .filter(candidate -> verifier.verifies(child, candidate))
          .toList();
    }

    /** Why no issuer was found: a loop, a signature that no candidate's key verifies, or none. */
    private CertificatePath.End dead(ParsedCertificate child) {
      List<ParsedCertificate> named =
          sent.stream().filter(c -> c.subject().equals(child.issuer())).toList();
      if (named.stream().anyMatch(c -> visited.contains(c.sha256()) && c != child)) {
        return new CertificatePath.Broken(
            "chain loops: "
                + Names.shorten(child.subjectName())
                + " is issued by a certificate already in the path");
      }
      if (child.selfIssued()) {
        return new CertificatePath.Broken(
            "signature of "
                + Names.shorten(child.subjectName())
                + " does not verify with its own key although it names itself as issuer");
      }
      if (!named.isEmpty() || !anchors.possibleIssuersOf(child).isEmpty()) {
        return new CertificatePath.Broken(
            "signature of "
                + Names.shorten(child.subjectName())
                + " does not verify with the key of its issuer "
                + Names.shorten(child.issuerName()));
      }
      return new CertificatePath.MissingIssuer(child.issuer());
    }
  }
}
