package dev.toolocr.incident.realtime;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.simp.user.UserDestinationMessageHandler;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Answers a SUBSCRIBE that asks for a receipt once the broker holds the subscription. The simple
 * broker sends no receipts itself; without one a client cannot know when it is safe to ask the
 * events feed for what it missed (anything sent after the receipt arrives live).
 */
@Component
class SubscriptionReceipts implements ExecutorChannelInterceptor {

    private final ObjectProvider<MessageChannel> toClients;

    SubscriptionReceipts(@Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> toClients) {
        this.toClients = toClients;
    }

    @Override
    public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler, Exception ex) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (ex != null || stomp == null || stomp.getCommand() != StompCommand.SUBSCRIBE || stomp.getReceipt() == null) {
            return;
        }
        // A /user destination reaches the broker through the user destination handler, synchronously.
        boolean user = stomp.getDestination() != null && stomp.getDestination().startsWith("/user/");
        boolean registered = user
                ? handler instanceof UserDestinationMessageHandler
                : handler instanceof AbstractBrokerMessageHandler;
        if (!registered) {
            return;
        }
        StompHeaderAccessor receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
        receipt.setReceiptId(stomp.getReceipt());
        receipt.setSessionId(stomp.getSessionId());
        toClients.getObject().send(MessageBuilder.createMessage(new byte[0], receipt.getMessageHeaders()));
    }
}
