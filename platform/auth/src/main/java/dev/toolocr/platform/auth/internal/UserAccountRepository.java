package dev.toolocr.platform.auth.internal;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserAccountRepository extends JpaRepository<UserAccount, String> {

    Optional<UserAccount> findByEmail(String email);

    long countByProvider(String provider);

    long countByLastLoginAtGreaterThanEqual(Instant since);

    @Query(
            "select u from UserAccount u where lower(u.email) like :q escape '\\' or lower(u.displayName) like :q escape '\\'")
    Page<UserAccount> search(@Param("q") String likePattern, Pageable page);
}
