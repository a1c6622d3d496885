package dev.toolocr.incident.rooms;

import dev.toolocr.incident.rooms.MessageService.EditMessage;
import dev.toolocr.incident.rooms.MessageService.EventPage;
import dev.toolocr.incident.rooms.MessageService.MessagePage;
import dev.toolocr.incident.rooms.MessageService.SendMessage;
import dev.toolocr.incident.rooms.MessageService.Sent;
import dev.toolocr.incident.rooms.MessageViews.MessageView;
import dev.toolocr.platform.auth.CurrentUser;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A room's messages, reactions, pins and catch-up feed. */
@RestController
@RequestMapping("/api/v2/rooms/{id}")
class MessageController {

    private final MessageService messages;

    MessageController(MessageService messages) {
        this.messages = messages;
    }

    @GetMapping("/messages")
    MessagePage list(
            CurrentUser user,
            @PathVariable String id,
            @RequestParam(name = "before_seq", required = false) Long beforeSeq,
            @RequestParam(name = "after_seq", required = false) Long afterSeq,
            @RequestParam(defaultValue = "50") int limit) {
        return messages.page(user, id, beforeSeq, afterSeq, limit);
    }

    /** 201 for a new message; 200 with the first message when its client_id was sent before. */
    @PostMapping("/messages")
    ResponseEntity<MessageView> send(CurrentUser user, @PathVariable String id, @Valid @RequestBody SendMessage body) {
        Sent sent = messages.send(user, id, body);
        return ResponseEntity.status(sent.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(sent.message());
    }

    @PatchMapping("/messages/{mid}")
    MessageView edit(
            CurrentUser user, @PathVariable String id, @PathVariable String mid, @RequestBody EditMessage body) {
        return messages.edit(user, id, mid, body);
    }

    @DeleteMapping("/messages/{mid}")
    ResponseEntity<Void> delete(CurrentUser user, @PathVariable String id, @PathVariable String mid) {
        messages.delete(user, id, mid);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/messages/{mid}/reactions/{emoji}")
    ResponseEntity<Void> react(
            CurrentUser user, @PathVariable String id, @PathVariable String mid, @PathVariable String emoji) {
        messages.react(user, id, mid, emoji, true);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/messages/{mid}/reactions/{emoji}")
    ResponseEntity<Void> unreact(
            CurrentUser user, @PathVariable String id, @PathVariable String mid, @PathVariable String emoji) {
        messages.react(user, id, mid, emoji, false);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/messages/{mid}/pin")
    ResponseEntity<Void> pin(CurrentUser user, @PathVariable String id, @PathVariable String mid) {
        messages.pin(user, id, mid, true);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/messages/{mid}/pin")
    ResponseEntity<Void> unpin(CurrentUser user, @PathVariable String id, @PathVariable String mid) {
        messages.pin(user, id, mid, false);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/events")
    EventPage events(
            CurrentUser user,
            @PathVariable String id,
            @RequestParam(name = "after_seq", defaultValue = "0") long afterSeq,
            @RequestParam(defaultValue = "100") int limit) {
        return messages.events(user, id, afterSeq, limit);
    }
}
